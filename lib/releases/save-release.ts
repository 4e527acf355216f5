import { db } from "../db";
import { requirePermission, type Actor } from "../auth/actor";
import { refreshNow } from "../cache/refresh-now";
import { PUBLIC_TAGS } from "../cache/tags";
import { AppError } from "../errors";
import { assertSlugAvailable } from "../publication/slugs";
import { touchesPublic } from "../publication/visibility";
import { recordReleaseChange } from "./release-events";
import { saveReleaseSchema } from "./schema";
import { snapshotRelease, type ReleaseSnapshot } from "./snapshot";
import { writeReleaseContent } from "./write-content";

export class VersionConflict extends AppError {
  constructor(readonly currentVersion: number, readonly current: ReleaseSnapshot, readonly updatedBy: string | null) {
    super("conflict", "保存冲突：这篇稿件在您编辑期间已被他人修改", { currentVersion, current, updatedBy });
  }
}

/**
 * Saves an editor's version of a release. It must name the version it was based on: if someone
 * saved in between, nothing is written and the caller gets the newer version to merge with
 * (or to overwrite knowingly with `overwrite`). Never a silent overwrite.
 */
export async function saveRelease(actor: Actor | null, releaseId: string, raw: unknown, options: { action?: "save" | "restore" } = {}) {
  const user = requirePermission(actor, "release.edit");
  const input = saveReleaseSchema.parse(raw);
  return db.$transaction(async (tx) => {
    // Row lock: two saves of one release queue up here instead of both passing the version check.
    const locked = await tx.$queryRaw<Array<{ version: number }>>`SELECT version FROM release WHERE id = ${releaseId}::uuid FOR UPDATE`;
    if (!locked.length) throw new AppError("not_found", "未找到该稿件");
    const before = await tx.release.findUniqueOrThrow({ where: { id: releaseId } });
    if (before.version !== input.baseVersion && !input.overwrite) {
      const last = await tx.revision.findFirst({ where: { releaseId }, orderBy: { version: "desc" }, include: { author: { select: { name: true } } } });
      throw new VersionConflict(before.version, await snapshotRelease(tx, releaseId), last?.author?.name ?? null);
    }
    if (input.release.slug !== before.slug) await assertSlugAvailable(tx, input.release.slug, releaseId, "release.slug");

    const isPublic = touchesPublic(before);
    const noteNeeded = before.publishedAt !== null && !input.changeNote.minor;
    if (noteNeeded && !input.changeNote.note) {
      throw new AppError("validation_failed", "已发布的稿件修改后需填写更正/更新说明（错别字等小修改可勾选“小修改”）", {
        fields: [{ path: "changeNote.note", message: "请填写更正/更新说明，或勾选“小修改”" }],
      });
    }

    await writeReleaseContent(tx, releaseId, input.release);
    // An old address of a published release keeps working (301 to the new one).
    if (before.slug !== input.release.slug && before.publishedAt) {
      // Taking back one of its own old slugs: that address is current again.
      await tx.slugRedirect.deleteMany({ where: { slug: input.release.slug, releaseId } });
      await tx.slugRedirect.upsert({ where: { slug: before.slug }, update: { releaseId }, create: { slug: before.slug, releaseId } });
    }
    if (noteNeeded) {
      await tx.changeNote.create({ data: { releaseId, kind: input.changeNote.kind, note: input.changeNote.note, authorId: user.id } });
    }
    const version = before.version + 1;
    const saved = await tx.release.update({
      where: { id: releaseId },
      data: { version, ...(noteNeeded ? { contentUpdatedAt: new Date() } : {}) },
    });
    await tx.autosave.deleteMany({ where: { releaseId, userId: user.id } });
    await recordReleaseChange(tx, {
      actor: user,
      releaseId,
      version,
      action: options.action ?? (input.overwrite && before.version !== input.baseVersion ? "save_overwrite" : "save"),
      note: input.revisionNote ?? (noteNeeded ? input.changeNote.note : null),
      details: { version, baseVersion: input.baseVersion, ...(noteNeeded ? { changeNote: input.changeNote.note } : {}) },
      affectsPublic: isPublic,
    });
    return saved;
  }).then((saved) => {
    refreshNow(PUBLIC_TAGS);
    return saved;
  });
}
