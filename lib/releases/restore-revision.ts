import "server-only";
import { z } from "zod";
import { db } from "../db";
import { requirePermission, type Actor } from "../auth/actor";
import { AppError } from "../errors";
import { saveRelease } from "./save-release";
import { snapshotAsInput } from "./editor-form";
import { releaseSnapshotSchema } from "./snapshot";

const restoreSchema = z.object({
  revisionId: z.string().uuid(),
  baseVersion: z.number().int().positive(),
  changeNote: z
    .object({ minor: z.boolean(), kind: z.enum(["correction", "update"]), note: z.string() })
    .optional(),
});

/** Restores an old revision's content; the restore is itself a new revision (nothing is lost). */
export async function restoreRevision(actor: Actor | null, releaseId: string, raw: unknown) {
  const user = requirePermission(actor, "release.restore");
  const input = restoreSchema.parse(raw);
  const revision = await db.revision.findFirst({ where: { id: input.revisionId, releaseId } });
  if (!revision) throw new AppError("not_found", "未找到该历史版本");
  // A restore would replace an editor's changes waiting for review without anyone deciding on them.
  const current = await db.release.findUniqueOrThrow({
    where: { id: releaseId },
    select: { pendingRevisionId: true },
  });
  if (current.pendingRevisionId)
    throw new AppError("conflict", "这篇稿件有待发布的修改：请发布人先发布或退回，再恢复历史版本");
  // Like any save: on a live release, an editor's restore becomes pending changes for a publisher.
  return saveRelease(
    user,
    releaseId,
    {
      baseVersion: input.baseVersion,
      release: snapshotAsInput(releaseSnapshotSchema.parse(revision.snapshot)),
      changeNote: input.changeNote ?? {
        minor: false,
        kind: "update",
        note: `恢复到第 ${revision.version} 版`,
      },
      revisionNote: `恢复自第 ${revision.version} 版`,
    },
    { action: "restore" },
  );
}
