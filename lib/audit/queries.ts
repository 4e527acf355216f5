import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { requirePermission, type Actor } from "../auth/actor";

export async function listAuditLog(
  actor: Actor | null,
  filter: { action?: string; actor?: string; target?: string; take?: number } = {},
) {
  requirePermission(actor, "audit.view");
  const where: Prisma.AuditLogWhereInput = {
    ...(filter.action ? { action: { startsWith: filter.action } } : {}),
    ...(filter.actor ? { actorEmail: { contains: filter.actor, mode: "insensitive" } } : {}),
    ...(filter.target ? { targetId: filter.target } : {}),
  };
  return db.auditLog.findMany({ where, orderBy: { createdAt: "desc" }, take: filter.take ?? 200 });
}
