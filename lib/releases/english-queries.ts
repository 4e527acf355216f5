import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { ReleaseStatus } from "../generated/prisma/enums";
import { db } from "../db";
import { cachedLookup, cachedQuery } from "../cache/cached-query";
import { toEnglishFigure, type KeyLabelsEn } from "../figures/english-figure";
import { localizedName } from "../i18n/localized-name";
import { findSlugOwner } from "../publication/slugs";
import { isPublic, publicReleaseWhere } from "../publication/visibility";
import { RELEASE_PAGE_SIZE } from "./page-param";
import {
  publicReleaseInclude,
  summaryFields,
  toPublicFigure,
  toPublicRelease,
  type PublicFigure,
  type PublicRelease,
  type PublicReleaseSummary,
} from "./public-dto";
import { listRelatedReleases, type ReleasePage } from "./queries";

// Public reads of the English edition. A translation has no figures of its own: it shows its
// original's Figure rows (the same stored values, in English wording), so both languages always
// state the same numbers and a corrected figure reaches both at once.

const ENGLISH = { locale: "en" } satisfies Prisma.ReleaseWhereInput;
const keyFigureFilter = {
  where: { OR: [{ highlighted: true }, { isRecord: true }] },
  orderBy: { sortOrder: "asc" },
} satisfies Prisma.Release$figuresArgs;

const newestFirst = [
  { publishAt: "desc" },
  { id: "desc" },
] satisfies Prisma.ReleaseOrderByWithRelationInput[];

// A category as English pages name it (its English name, else the Chinese one).
const categorySelect = { select: { slug: true, name: true, nameEn: true } } as const;
const englishCategory = (c: { slug: string; name: string; nameEn: string | null } | null) =>
  c && { slug: c.slug, name: localizedName(c, "en") };

const englishReleaseInclude = {
  ...publicReleaseInclude,
  category: categorySelect,
  translatedFrom: {
    select: {
      slug: true,
      status: true,
      publishAt: true,
      figures: { orderBy: { sortOrder: "asc" } },
    },
  },
} satisfies Prisma.ReleaseInclude;

const englishSummaryInclude = {
  category: categorySelect,
  figures: keyFigureFilter,
  translatedFrom: { select: { status: true, publishAt: true, figures: keyFigureFilter } },
} satisfies Prisma.ReleaseInclude;

/**
 * The figures an English page shows: a translation has none of its own and shows its original's,
 * but only while the original is public, so a draft's or an embargoed release's numbers never
 * reach readers through its translation. A release written in English shows its own.
 */
function sharedFigures<F>(row: {
  figures: F[];
  translatedFrom: { status: ReleaseStatus; publishAt: Date | null; figures: F[] } | null;
}): F[] {
  const original = row.translatedFrom;
  if (!original) return row.figures;
  return isPublic(original) ? original.figures : [];
}

type EnglishSummaryRow = Prisma.ReleaseGetPayload<{
  include: typeof englishSummaryInclude;
  omit: { body: true };
}>;

/** The registry's English labels of the given keys. */
async function keyLabelsEn(keys: Iterable<string>): Promise<KeyLabelsEn> {
  const unique = [...new Set(keys)];
  if (!unique.length) return {};
  const rows = await db.figureKey.findMany({
    where: { key: { in: unique } },
    select: { key: true, labelEn: true },
  });
  return Object.fromEntries(rows.map((r) => [r.key, r.labelEn]));
}

function englishFigures(figures: PublicFigure[], labels: KeyLabelsEn): PublicFigure[] {
  return figures.map((f) => toEnglishFigure(f, labels));
}

async function toEnglishSummaries(rows: EnglishSummaryRow[]): Promise<PublicReleaseSummary[]> {
  const figureRows = rows.map(sharedFigures);
  const labels = await keyLabelsEn(figureRows.flat().map((f) => f.key));
  return rows.map((r, i) =>
    summaryFields(
      { ...r, category: englishCategory(r.category) },
      englishFigures(figureRows[i].map(toPublicFigure), labels),
    ),
  );
}

export interface EnglishRelease {
  release: PublicRelease;
  /** The Chinese original while it is public (its page is the other language version). */
  original: { slug: string } | null;
  translatedAt: string | null;
}

export type EnglishReleaseLookup = EnglishRelease | { redirectTo: string } | null;

/** A public English release by its slug (or where an old slug of one points), figures from its original. */
export async function findEnglishRelease(slug: string): Promise<EnglishReleaseLookup> {
  const owner = await findSlugOwner(db, slug);
  if (!owner) return null;
  const where = { id: owner.releaseId, ...ENGLISH, ...publicReleaseWhere() };
  if (owner.kind === "retired") {
    const target = await db.release.findFirst({ where, select: { slug: true } });
    return target ? { redirectTo: target.slug } : null;
  }
  const row = await db.release.findFirst({ where, include: englishReleaseInclude });
  if (!row) return null;
  const [release] = await toEnglishReleases([row]);
  const original = row.translatedFrom;
  return {
    release,
    original: original && isPublic(original) ? { slug: original.slug } : null,
    translatedAt: row.translatedAt?.toISOString() ?? null,
  };
}

type EnglishReleaseRow = Prisma.ReleaseGetPayload<{ include: typeof englishReleaseInclude }>;

async function toEnglishReleases(rows: EnglishReleaseRow[]): Promise<PublicRelease[]> {
  const releases = rows.map((row) => toPublicRelease({ ...row, figures: sharedFigures(row) }));
  const labels = await keyLabelsEn(releases.flatMap((r) => r.figures.map((f) => f.key)));
  return releases.map((release, i) => {
    const figures = englishFigures(release.figures, labels);
    return {
      ...release,
      // The edition's event name, city and theme exist in Chinese only: no kicker line in English.
      edition: null,
      category: englishCategory(rows[i].category),
      figures,
      keyFigures: figures.filter((f) => f.highlighted),
      recordCount: figures.filter((f) => f.isRecord).length,
    };
  });
}

/** The newest public English releases in full, for the English feeds. */
export async function listEnglishFeedReleases(limit: number): Promise<PublicRelease[]> {
  return toEnglishReleases(
    await db.release.findMany({
      where: { ...ENGLISH, ...publicReleaseWhere() },
      include: englishReleaseInclude,
      orderBy: newestFirst,
      take: limit,
    }),
  );
}

/** A page of public English releases, newest first: all of them, or one category's. */
export async function listEnglishReleases(
  input: { page?: number; categorySlug?: string } = {},
): Promise<ReleasePage> {
  const page = Math.max(1, input.page ?? 1);
  const where: Prisma.ReleaseWhereInput = {
    ...ENGLISH,
    ...publicReleaseWhere(),
    ...(input.categorySlug ? { category: { slug: input.categorySlug } } : {}),
  };
  const [total, rows] = await Promise.all([
    db.release.count({ where }),
    db.release.findMany({
      where,
      include: englishSummaryInclude,
      omit: { body: true },
      orderBy: newestFirst,
      skip: (page - 1) * RELEASE_PAGE_SIZE,
      take: RELEASE_PAGE_SIZE,
    }),
  ]);
  return {
    items: await toEnglishSummaries(rows),
    page,
    pageCount: Math.max(1, Math.ceil(total / RELEASE_PAGE_SIZE)),
    total,
  };
}

/** The English home: the newest English release with key figures leads, the newest others follow. */
export async function getEnglishHomeReleases(latestCount = 8) {
  const visible = { ...ENGLISH, ...publicReleaseWhere() };
  const [lead] = await toEnglishSummaries(
    await db.release.findMany({
      where: {
        ...visible,
        OR: [
          { translatedFrom: { is: { ...publicReleaseWhere(), figures: { some: { highlighted: true } } } } },
          { figures: { some: { highlighted: true } } },
        ],
      },
      include: englishSummaryInclude,
      omit: { body: true },
      orderBy: newestFirst,
      take: 1,
    }),
  );
  const latest = await db.release.findMany({
    where: { ...visible, ...(lead ? { id: { not: lead.id } } : {}) },
    include: englishSummaryInclude,
    omit: { body: true },
    orderBy: newestFirst,
    take: latestCount,
  });
  return { lead: lead ?? null, latest: await toEnglishSummaries(latest) };
}

const editionReleaseInclude = {
  category: categorySelect,
  figures: { orderBy: { sortOrder: "asc" } },
  translatedFrom: { select: { status: true, publishAt: true, figures: { orderBy: { sortOrder: "asc" } } } },
  edition: { select: { event: { select: { slug: true } } } },
} satisfies Prisma.ReleaseInclude;

/** The public English releases of a year's editions, newest first, each with all its (original's) figures in English. */
export async function listEnglishReleasesOfYear(
  year: number,
): Promise<Array<{ eventSlug: string; release: PublicReleaseSummary; figures: PublicFigure[] }>> {
  const rows = await db.release.findMany({
    where: { ...ENGLISH, ...publicReleaseWhere(), edition: { year } },
    include: editionReleaseInclude,
    omit: { body: true },
    orderBy: newestFirst,
  });
  const figureRows = rows.map((r) => sharedFigures(r).map(toPublicFigure));
  const labels = await keyLabelsEn(figureRows.flat().map((f) => f.key));
  return rows.map((r, i) => {
    const figures = englishFigures(figureRows[i], labels);
    return {
      eventSlug: r.edition?.event.slug ?? "",
      release: summaryFields({ ...r, category: englishCategory(r.category) }, figures),
      figures,
    };
  });
}

/** The public translations of a release's group, other than itself: [{ locale, slug }]. */
export async function listPublicTranslations(
  releaseId: string,
): Promise<Array<{ locale: string; slug: string }>> {
  const release = await db.release.findUnique({
    where: { id: releaseId },
    select: { translationGroupId: true },
  });
  if (!release) return [];
  return db.release.findMany({
    where: {
      translationGroupId: release.translationGroupId,
      id: { not: releaseId },
      ...publicReleaseWhere(),
    },
    select: { locale: true, slug: true },
    orderBy: { locale: "asc" },
  });
}

/** The English releases related to an English one, their categories named in English. */
export async function listEnglishRelatedReleases(releaseId: string): Promise<PublicReleaseSummary[]> {
  const related = await listRelatedReleases(releaseId);
  const slugs = [...new Set(related.flatMap((r) => (r.category ? [r.category.slug] : [])))];
  const categories = await db.category.findMany({
    where: { slug: { in: slugs } },
    select: categorySelect.select,
  });
  const bySlug = new Map(categories.map((c) => [c.slug, c]));
  return related.map((r) => ({
    ...r,
    category: englishCategory(bySlug.get(r.category?.slug ?? "") ?? null),
  }));
}

/** The English labels of every registry key, for English pages built from shared public data. */
export async function listKeyLabelsEn(): Promise<KeyLabelsEn> {
  const rows = await db.figureKey.findMany({ select: { key: true, labelEn: true } });
  return Object.fromEntries(rows.map((r) => [r.key, r.labelEn]));
}

export const getEnglishRelease = cachedLookup("english-release-by-slug", findEnglishRelease);
export const getEnglishReleasePage = cachedQuery("english-release-page", listEnglishReleases);
export const getEnglishHome = cachedQuery("english-home", getEnglishHomeReleases);
export const getPublicTranslations = cachedQuery("public-translations", listPublicTranslations);
export const getKeyLabelsEn = cachedQuery("key-labels-en", listKeyLabelsEn);
export const getEnglishRelatedReleases = cachedQuery("english-related-releases", listEnglishRelatedReleases);
