import "server-only";
import { db } from "../db";
import { requirePermission, type Actor } from "../auth/actor";
import { AppError } from "../errors";
import { announcePublicChange } from "../publication/public-change";
import { can } from "../permissions";
import { editingSnapshot } from "../publication/editing-snapshot";
import { writeLiveContent } from "../publication/live-content";
import { assertSlugAvailable } from "../publication/slugs";
import { isLive, isPublic } from "../publication/visibility";
import { signOffStatus } from "./figure-checks";
import { lockRelease } from "./lock-release";
import { recordReleaseChange } from "./release-events";
import { saveReleaseSchema } from "./schema";
import type { ReleaseSnapshot } from "./snapshot";
import { snapshotFromInput } from "./write-content";

export class VersionConflict extends AppError {
  constructor(
    readonly currentVersion: number,
    readonly current: ReleaseSnapshot,
    readonly updatedBy: string | null,
  ) {
    super("conflict", "保存冲突：这篇稿件在您编辑期间已被他人修改", { currentVersion, current, updatedBy });
  }
}

/**
 * Saves an editor's version of a release. It must name the version it was based on: if someone
 * saved in between, nothing is written and the caller gets the newer version to merge with
 * (or to overwrite knowingly with `overwrite`). Never a silent overwrite.
 *
 * On a live (published or scheduled) release, only someone who may publish changes what readers
 * see; anyone else's save becomes the release's pending changes, which a publisher reviews
 * (lib/publication/pending-changes.ts). Readers keep the live version meanwhile. In an edition with
 * sign-off, a publisher's save with figures not yet confirmed waits the same way.
 */
export async function saveRelease(
  actor: Actor | null,
  releaseId: string,
  raw: unknown,
  options: { action?: "save" | "restore" } = {},
) {
  const user = requirePermission(actor, "release.edit");
  const input = saveReleaseSchema.parse(raw);
  const result = await db.$transaction(async (tx) => {
    const before = await lockRelease(tx, releaseId);
    // An overwrite names the version it overwrites (the one the conflict screen showed): a version
    // saved after that screen opened is a new conflict, never undone unseen.
    if (before.version !== input.baseVersion) {
      const last = await tx.revision.findFirst({
        where: { releaseId },
        orderBy: { version: "desc" },
        include: { author: { select: { name: true } } },
      });
      throw new VersionConflict(
        before.version,
        await editingSnapshot(tx, releaseId),
        last?.author?.name ?? null,
      );
    }
    // A release's language is set when it is made (or made a translation); an edit cannot turn a
    // Chinese original into an English release or a translation into an original.
    if (input.release.locale !== before.locale)
      throw new AppError("validation_failed", "稿件的语言不能在编辑时更改：另一种语言的版本请建立翻译", {
        fields: [{ path: "release.locale", message: "语言不能更改" }],
      });
    const version = before.version + 1;
    const action = options.action ?? (input.overwrite ? "save_overwrite" : "save");
    await tx.autosave.deleteMany({ where: { releaseId, userId: user.id } });

    // A publisher's edit of live figures that a publisher has not confirmed (editions with sign-off)
    // waits as pending changes too, so it goes live only through the sign-off like anyone's.
    const proposed = snapshotFromInput(input.release, before);
    const awaitsSignOff =
      isLive(before) && (await signOffStatus(tx, releaseId, proposed)).unconfirmed.length > 0;
    if (isLive(before) && (!can(user, "release.publish") || awaitsSignOff)) {
      if (input.release.slug !== before.slug)
        await assertSlugAvailable(tx, input.release.slug, releaseId, "release.slug");
      const proposedNote = input.changeNote.minor ? null : input.changeNote.note || null;
      const revision = await recordReleaseChange(tx, {
        actor: user,
        releaseId,
        version,
        action: action === "restore" ? "propose_restore" : "propose",
        note: input.revisionNote ?? proposedNote,
        details: {
          version,
          baseVersion: input.baseVersion,
          changeNote: input.changeNote.minor ? "minor" : input.changeNote.note,
        },
        affectsPublic: false,
        snapshot: proposed,
      });
      const saved = await tx.release.update({
        where: { id: releaseId },
        data: { version, pendingRevisionId: revision.id, pendingReturnNote: null },
      });
      return { saved, pending: true, publicChanged: false };
    }

    // Only a release readers can see now changes what they see (a scheduled one is refreshed when it comes due).
    const publicChanged = isPublic(before);
    const { noteRecorded } = await writeLiveContent(tx, user, before, input.release, input.changeNote);
    // A direct save by a publisher starts from the pending changes (the editor shows them), so it supersedes them.
    const saved = await tx.release.update({
      where: { id: releaseId },
      data: { version, pendingRevisionId: null, pendingReturnNote: null },
    });
    await recordReleaseChange(tx, {
      actor: user,
      releaseId,
      version,
      action,
      note: input.revisionNote ?? (noteRecorded ? input.changeNote.note : null),
      details: {
        version,
        baseVersion: input.baseVersion,
        ...(noteRecorded ? { changeNote: input.changeNote.note } : {}),
        ...(before.pendingRevisionId ? { supersededPending: true } : {}),
      },
      affectsPublic: publicChanged,
    });
    return { saved, pending: false, publicChanged };
  });
  if (result.publicChanged) announcePublicChange();
  return Object.assign(result.saved, { pending: result.pending });
}
