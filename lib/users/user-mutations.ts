import "server-only";
import { db } from "../db";
import { requirePermission, type Actor } from "../auth/actor";
import { hashPassword } from "../auth/password";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../errors";
import { createUserSchema, updateUserSchema } from "./schema";

/** Adds a staff account. `actor` is an admin, or SYSTEM_ACTOR for the operator at the command line. */
export async function createUser(actor: Actor | null, raw: unknown) {
  const by = requirePermission(actor, "user.manage");
  const input = createUserSchema.parse(raw);
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new AppError("conflict", "该邮箱已有账户", {
      fields: [{ path: "email", message: "该邮箱已有账户" }],
    });
  }
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, role: input.role, passwordHash },
    });
    await recordAudit(tx, {
      actor: by,
      action: "user.create",
      targetType: "user",
      targetId: user.id,
      details: { email: input.email, role: input.role },
      ip: by.ip,
    });
    return user;
  });
}

/**
 * Changes a role, a password or whether the account is active. Each of these ends the user's
 * existing sessions at once (the session version moves on).
 */
export async function updateUser(actor: Actor | null, userId: string, raw: unknown) {
  const admin = requirePermission(actor, "user.manage");
  const input = updateUserSchema.parse(raw);
  const before = await db.user.findUnique({ where: { id: userId } });
  if (!before) throw new AppError("not_found", "未找到该用户");
  if (before.id === admin.id && ((input.role && input.role !== "admin") || input.active === false)) {
    throw new AppError("conflict", "不能降低自己的权限或停用自己的账户");
  }
  const endsSessions = Boolean(
    input.password || (input.role && input.role !== before.role) || (input.active === false && before.active),
  );
  return db.$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: userId },
      data: {
        ...(input.role ? { role: input.role } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
        ...(input.name ? { name: input.name } : {}),
        ...(input.password ? { passwordHash: await hashPassword(input.password) } : {}),
        ...(endsSessions ? { sessionVersion: { increment: 1 } } : {}),
      },
    });
    const changes = {
      ...(input.role && input.role !== before.role ? { role: { from: before.role, to: input.role } } : {}),
      ...(input.active !== undefined && input.active !== before.active ? { active: input.active } : {}),
      ...(input.password ? { password: "changed" } : {}),
    };
    await recordAudit(tx, {
      actor: admin,
      action: input.role && input.role !== before.role ? "user.role_change" : "user.update",
      targetType: "user",
      targetId: userId,
      details: changes,
      ip: admin.ip,
    });
    return user;
  });
}

/**
 * The operator's way back in at the command line: a new password, and every session of the user
 * ended. A deactivated account stays deactivated unless `activate` says otherwise: someone an admin
 * locked out must not come back through a password reset.
 */
export async function resetPasswordFromCli(
  actor: Actor | null,
  rawEmail: string,
  rawPassword: string,
  options: { activate?: boolean } = {},
) {
  const by = requirePermission(actor, "user.manage");
  const email = createUserSchema.shape.email.parse(rawEmail);
  const password = createUserSchema.shape.password.parse(rawPassword);
  const user = await db.user.findUnique({ where: { email }, select: { id: true, active: true } });
  if (!user) throw new AppError("not_found", `没有邮箱为 ${email} 的账户`);
  const passwordHash = await hashPassword(password);
  const activate = Boolean(options.activate && !user.active);
  return db.$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, ...(activate ? { active: true } : {}), sessionVersion: { increment: 1 } },
    });
    await recordAudit(tx, {
      actor: by,
      action: "user.update",
      targetType: "user",
      targetId: user.id,
      details: { password: "reset", ...(activate ? { active: true } : {}) },
    });
    return updated;
  });
}

export async function listUsers(actor: Actor | null) {
  requirePermission(actor, "user.manage");
  return db.user.findMany({
    orderBy: { createdAt: "asc" },
    select: { id: true, email: true, name: true, role: true, active: true, createdAt: true },
  });
}
