import "server-only";
import { z } from "zod";
import { db } from "../db";
import { requirePermission, type Actor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../errors";
import { announcePublicChange } from "./public-change";
import { diffRevisions } from "../releases/diff-revisions";
import { snapshotAsInput } from "../releases/editor-form";
import { lockReleaseAtVersion } from "../releases/lock-release";
import { assertReadyToPublish } from "../releases/publish-gate";
import { recordReleaseChange } from "../releases/release-events";
import { changeNoteSchema, releaseInputSchema } from "../releases/schema";
import { releaseSnapshotSchema, snapshotRelease } from "../releases/snapshot";
import type { Tx } from "../db";
import { writeLiveContent } from "./live-content";
import { isPublic } from "./visibility";

// Pending changes: an edit of a live release by someone who may not publish, kept as a revision
// (Release.pendingRevisionId) until a publisher publishes it or sends it back. GOV.UK's "2i".

const publishPendingSchema = z.object({
  baseVersion: z.number().int().positive(),
  changeNote: changeNoteSchema,
  confirmContradictedClaims: z.boolean().optional(),
});
const returnPendingSchema = z.object({
  baseVersion: z.number().int().positive(),
  note: z.string().trim().min(1, "请写明退回的原因").max(500, "原因最多 500 个字符"),
});

async function lockWithPending(tx: Tx, releaseId: string, baseVersion: number) {
  const release = await lockReleaseAtVersion(tx, releaseId, baseVersion);
  if (!release.pendingRevision) throw new AppError("conflict", "这篇稿件没有待发布的修改");
  return { release, pending: releaseSnapshotSchema.parse(release.pendingRevision.snapshot) };
}

/** A publisher makes the pending changes live, with the public change note a published release needs. */
export async function publishPendingChanges(actor: Actor | null, releaseId: string, raw: unknown) {
  const user = requirePermission(actor, "release.publish");
  const input = publishPendingSchema.parse(raw);
  const result = await db.$transaction(async (tx) => {
    const { release: before, pending } = await lockWithPending(tx, releaseId, input.baseVersion);
    // Sent back by a publisher (perhaps from another screen): only the editor's next save reopens them.
    if (before.pendingReturnNote !== null)
      throw new AppError("conflict", "这些修改已被退回，编辑再次保存后才能发布");
    await assertReadyToPublish(tx, user, releaseId, pending, input);
    const { noteRecorded } = await writeLiveContent(
      tx,
      user,
      before,
      releaseInputSchema.parse(snapshotAsInput(pending)),
      input.changeNote,
    );
    const version = before.version + 1;
    const saved = await tx.release.update({
      where: { id: releaseId },
      data: { version, pendingRevisionId: null, pendingReturnNote: null },
    });
    const publicChanged = isPublic(before);
    await recordReleaseChange(tx, {
      actor: user,
      releaseId,
      version,
      action: "publish_changes",
      note: noteRecorded ? input.changeNote.note : null,
      details: {
        version,
        pendingVersion: before.pendingRevision?.version ?? null,
        ...(noteRecorded ? { changeNote: input.changeNote.note } : {}),
      },
      affectsPublic: publicChanged,
    });
    return { saved, publicChanged };
  });
  if (result.publicChanged) announcePublicChange();
  return result.saved;
}

/** A publisher sends the pending changes back to the editors with a reason; nothing changes for readers. */
export async function returnPendingChanges(actor: Actor | null, releaseId: string, raw: unknown) {
  const user = requirePermission(actor, "release.publish");
  const input = returnPendingSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const { release } = await lockWithPending(tx, releaseId, input.baseVersion);
    await recordAudit(tx, {
      actor: user,
      action: "release.return_changes",
      targetType: "release",
      targetId: releaseId,
      details: { note: input.note },
      ip: user.ip,
    });
    return tx.release.update({ where: { id: release.id }, data: { pendingReturnNote: input.note } });
  });
}

/** For the review screen: live against pending, with the figure table of changed values. */
export async function getPendingReview(actor: Actor | null, releaseId: string) {
  requirePermission(actor, "release.edit");
  const release = await db.release.findUnique({
    where: { id: releaseId },
    include: { pendingRevision: { include: { author: { select: { name: true } } } } },
  });
  if (!release) throw new AppError("not_found", "未找到该稿件");
  if (!release.pendingRevision) return { release, pending: null };
  const live = await db.$transaction((tx) => snapshotRelease(tx, releaseId));
  const proposed = releaseSnapshotSchema.parse(release.pendingRevision.snapshot);
  return {
    release,
    pending: {
      version: release.pendingRevision.version,
      author: release.pendingRevision.author?.name ?? null,
      savedAt: release.pendingRevision.createdAt,
      proposedNote: release.pendingRevision.note,
      returnedNote: release.pendingReturnNote,
      // Pending changes carry content only; the workflow state they recorded may be stale (a schedule
      // that came due, a new publish time), so the review compares content alone.
      diff: diffRevisions(live, { ...proposed, status: live.status, publishAt: live.publishAt }),
    },
  };
}
