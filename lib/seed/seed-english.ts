import "server-only";
import { refreshSearchDocument } from "../search/search-document";
import { db } from "../db";
import { recordAudit } from "../audit/record-audit";
import { CACHE_TAGS } from "../cache/tags";
import { recordPublicChange } from "../publication/public-change";
import { createRevision } from "../releases/snapshot";
import { blocksToHtml } from "./seed-release-body";
import {
  wmc2023EnglishBlocks,
  wmc2023EnglishRelease,
  wmc2023KeyLabelsEn,
} from "../../prisma/seed-data/wmc-2023-results-en";

/**
 * The English translation of the 2023 results release, marked as a translation of it with the day
 * it was translated. It has no figures of its own: English pages read the original's rows. Also
 * gives the release's figure keys their English labels where the registry has none. Idempotent.
 */
export async function seedEnglishTranslation(originalSlug: string): Promise<string | null> {
  const original = await db.release.findUnique({
    where: { slug: originalSlug },
    select: { id: true, translationGroupId: true, categoryId: true, editionId: true },
  });
  const en = wmc2023EnglishRelease;
  if (!original || (await db.release.findUnique({ where: { slug: en.slug }, select: { id: true } })))
    return null;
  const translatedAt = new Date(en.translatedAt);
  await db.$transaction(async (tx) => {
    for (const [key, labelEn] of Object.entries(wmc2023KeyLabelsEn))
      await tx.figureKey.updateMany({ where: { key, labelEn: null }, data: { labelEn } });
    const release = await tx.release.create({
      data: {
        slug: en.slug,
        locale: "en",
        translationGroupId: original.translationGroupId,
        translatedFromId: original.id,
        translatedAt,
        title: en.title,
        summary: en.summary,
        body: blocksToHtml(wmc2023EnglishBlocks),
        status: "published",
        publishAt: translatedAt,
        publishedAt: translatedAt,
        contentUpdatedAt: translatedAt,
        sourceName: en.sourceName,
        categoryId: original.categoryId,
        editionId: original.editionId,
        isEditionResults: true,
        createdAt: translatedAt,
      },
    });
    await createRevision(tx, { releaseId: release.id, version: 1, action: "seed", note: "英文译稿" });
    // Searchable from the start, like every release written (not only after a server's start-up).
    await refreshSearchDocument(tx, release.id);
    await recordAudit(tx, {
      actorEmail: "seed",
      action: "release.translation_create",
      targetType: "release",
      targetId: release.id,
      details: { slug: en.slug, translatedFrom: originalSlug },
    });
    await recordPublicChange(tx, [CACHE_TAGS.public]);
  });
  return `Seeded the English translation ${en.slug} of ${originalSlug}.`;
}
