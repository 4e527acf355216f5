import type { Role } from "../generated/prisma/enums";
import { AppError } from "../errors";
import { can, type Permission } from "../permissions";

/** The signed-in staff member a mutation acts for; passed explicitly to every domain function. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
  ip?: string | null;
}

/** Domain functions call this themselves, whatever the caller checked: 401 without a user, 403 without the right. */
export function requirePermission(actor: Actor | null | undefined, permission: Permission): Actor {
  if (!actor) throw new AppError("unauthenticated", "请先登录");
  if (!can(actor, permission)) throw new AppError("forbidden", "您没有执行此操作的权限");
  return actor;
}
