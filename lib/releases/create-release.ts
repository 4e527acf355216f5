import "server-only";
import { db, type Tx } from "../db";
import { requirePermission, type Actor } from "../auth/actor";
import { assertSlugAvailable, freeSlug } from "../publication/slugs";
import { releaseInputSchema } from "./schema";
import { recordReleaseChange } from "./release-events";
import { slugify } from "./slug";
import { writeReleaseContent } from "./write-content";

/**
 * A new draft. Only the title is needed; the slug comes from it unless given. An automatic slug
 * takes a free suffix (-2, -3 …) when taken; only a slug the editor typed can conflict.
 * `alsoInTransaction` lets a caller write what belongs with the draft (the import assistant's key
 * aliases) in the same transaction.
 */
export async function createRelease(
  actor: Actor | null,
  raw: unknown,
  alsoInTransaction?: (tx: Tx, releaseId: string) => Promise<void>,
) {
  const user = requirePermission(actor, "release.create");
  const partial = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const title = typeof partial.title === "string" ? partial.title : "";
  const typedSlug = typeof partial.slug === "string" && partial.slug.trim() !== "";
  const input = releaseInputSchema.parse({ ...partial, slug: typedSlug ? partial.slug : slugify(title) });
  return db.$transaction(async (tx) => {
    if (typedSlug) await assertSlugAvailable(tx, input.slug, null);
    const slug = typedSlug ? input.slug : await freeSlug(tx, input.slug);
    const release = await tx.release.create({
      // The command line's actor (release:import --save) is no user row.
      data: { slug, title: input.title, createdById: user.system ? null : user.id, status: "draft" },
    });
    await writeReleaseContent(tx, release.id, { ...input, slug });
    await recordReleaseChange(tx, {
      actor: user,
      releaseId: release.id,
      version: 1,
      action: "create",
      affectsPublic: false,
    });
    await alsoInTransaction?.(tx, release.id);
    return tx.release.findUniqueOrThrow({ where: { id: release.id } });
  });
}
