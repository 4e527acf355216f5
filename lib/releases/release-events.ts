import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { Tx } from "../db";
import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit";
import { recordPublicChange } from "../publication/public-change";
import { createRevision, type ReleaseSnapshot } from "./snapshot";

/**
 * What every change of a release ends with, in its transaction: a revision of the new state, an
 * audit entry, and (when the public may see it, or saw it before) a cache refresh for all servers.
 */
export async function recordReleaseChange(
  tx: Tx,
  input: {
    actor: Actor;
    releaseId: string;
    version: number;
    action: string;
    note?: string | null;
    details?: Prisma.InputJsonValue;
    affectsPublic: boolean;
    snapshot?: ReleaseSnapshot;
  },
) {
  const revision = await createRevision(tx, {
    releaseId: input.releaseId,
    version: input.version,
    action: input.action,
    note: input.note,
    authorId: input.actor.system ? null : input.actor.id,
    snapshot: input.snapshot,
  });
  await recordAudit(tx, {
    actor: input.actor,
    action: `release.${input.action}`,
    targetType: "release",
    targetId: input.releaseId,
    details: input.details,
    ip: input.actor.ip,
  });
  if (input.affectsPublic) await recordPublicChange(tx);
  return revision;
}
