import { db } from "../db";
import { requirePermission, type Actor } from "../auth/actor";
import { AppError } from "../errors";
import { releaseInputSchema } from "./schema";
import { recordReleaseChange } from "./release-events";
import { slugify } from "./slug";
import { writeReleaseContent } from "./write-content";

/** A new draft. Only the title is needed; the slug comes from it unless given. */
export async function createRelease(actor: Actor | null, raw: unknown) {
  const user = requirePermission(actor, "release.create");
  const partial = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const title = typeof partial.title === "string" ? partial.title : "";
  const input = releaseInputSchema.parse({ ...partial, slug: partial.slug || slugify(title) });
  if (await db.release.findUnique({ where: { slug: input.slug }, select: { id: true } })) {
    throw new AppError("conflict", `别名“${input.slug}”已被使用，请换一个`, { fields: [{ path: "slug", message: "该别名已被使用" }] });
  }
  return db.$transaction(async (tx) => {
    const release = await tx.release.create({ data: { slug: input.slug, title: input.title, createdById: user.id, status: "draft" } });
    await writeReleaseContent(tx, release.id, input);
    await recordReleaseChange(tx, { actor: user, releaseId: release.id, version: 1, action: "create", affectsPublic: false });
    return tx.release.findUniqueOrThrow({ where: { id: release.id } });
  });
}
