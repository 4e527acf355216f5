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
  /** The operator at the command line: no user row behind it (audit entries name it by email only). */
  system?: true;
}

/** What the command-line scripts act as: the operator of the machine, who may do what an admin may. */
export const SYSTEM_ACTOR: Actor = {
  id: "system",
  email: "cli",
  name: "命令行",
  role: "admin",
  system: true,
};

/** Domain functions call this themselves, whatever the caller checked: 401 without a user, 403 without the right. */
export function requirePermission(actor: Actor | null | undefined, permission: Permission): Actor {
  if (!actor) throw new AppError("unauthenticated", "请先登录");
  if (!can(actor, permission)) throw new AppError("forbidden", "您没有执行此操作的权限");
  return actor;
}
