import "server-only";
import type { Tx } from "../db";
import type { Actor } from "../auth/actor";
import type { Release } from "../generated/prisma/client";
import { AppError } from "../errors";
import { writeReleaseContent } from "../releases/write-content";
import type { ReleaseInput } from "../releases/schema";
import { assertSlugAvailable } from "./slugs";
import { wasPublic } from "./visibility";

export interface ChangeNoteInput {
  minor: boolean;
  kind: "correction" | "update";
  note: string;
}

/**
 * Writes content into the rows readers see (a direct save, or publishing pending changes): the
 * slug rules, the public 更正/更新说明 a published release needs, the old address kept as a 301.
 * Returns whether a change note was recorded (the public "updated" time then moves).
 */
export async function writeLiveContent(
  tx: Tx,
  user: Actor,
  before: Release,
  input: ReleaseInput,
  changeNote: ChangeNoteInput,
  notePath = "changeNote.note",
) {
  if (input.slug !== before.slug) await assertSlugAvailable(tx, input.slug, before.id, "release.slug");
  const noteNeeded = wasPublic(before) && !changeNote.minor;
  if (noteNeeded && !changeNote.note) {
    throw new AppError(
      "validation_failed",
      "已发布的稿件修改后需填写更正/更新说明（错别字等小修改可勾选“小修改”）",
      {
        fields: [{ path: notePath, message: "请填写更正/更新说明，或勾选“小修改”" }],
      },
    );
  }
  await writeReleaseContent(tx, before.id, input);
  // An old address of a published release keeps working (301 to the new one).
  if (before.slug !== input.slug && wasPublic(before)) {
    // Taking back one of its own old slugs: that address is current again.
    await tx.slugRedirect.deleteMany({ where: { slug: input.slug, releaseId: before.id } });
    await tx.slugRedirect.upsert({
      where: { slug: before.slug },
      update: { releaseId: before.id },
      create: { slug: before.slug, releaseId: before.id },
    });
  }
  if (noteNeeded) {
    await tx.changeNote.create({
      data: { releaseId: before.id, kind: changeNote.kind, note: changeNote.note, authorId: user.id },
    });
    await tx.release.update({ where: { id: before.id }, data: { contentUpdatedAt: new Date() } });
  }
  return { noteRecorded: noteNeeded };
}
