import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { Tx } from "../db";

export interface AuditEntry {
  actor?: { id: string; email: string; system?: true } | null;
  actorEmail?: string;
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Prisma.InputJsonValue;
  ip?: string | null;
}

export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actor && !entry.actor.system ? entry.actor.id : null,
      actorEmail: entry.actor?.email ?? entry.actorEmail ?? null,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      details: entry.details,
      ip: entry.ip ?? null,
    },
  });
}
