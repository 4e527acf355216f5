import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { cachedLookup, cachedQuery } from "../cache/cached-query";
import { RELEASE_PAGE_SIZE } from "./page-param";
import { AppError } from "../errors";
import { findSlugOwner } from "../publication/slugs";
import { publicReleaseWhere } from "../publication/visibility";
import {
  publicReleaseInclude,
  summaryFields,
  toPublicFigure,
  toPublicRelease,
  type PublicRelease,
  type PublicReleaseSummary,
} from "./public-dto";

const summaryInclude = {
  category: { select: { slug: true, name: true } },
  figures: { where: { OR: [{ highlighted: true }, { isRecord: true }] }, orderBy: { sortOrder: "asc" } },
} satisfies Prisma.ReleaseInclude;

type SummaryRow = Prisma.ReleaseGetPayload<{ include: typeof summaryInclude; omit: { body: true } }>;

function toSummary(r: SummaryRow): PublicReleaseSummary {
  return summaryFields(r, r.figures.map(toPublicFigure));
}

// The Chinese edition's lists: English releases have their own under /en (english-queries.ts).
const CHINESE = { locale: "zh-CN" } satisfies Prisma.ReleaseWhereInput;

const newestFirst = [
  { publishAt: "desc" },
  { id: "desc" },
] satisfies Prisma.ReleaseOrderByWithRelationInput[];

export type ReleaseLookup = { release: PublicRelease } | { redirectTo: string } | null;

/** A public release by its slug, or where an old slug of one now points; through the one resolver (findSlugOwner). */
export async function findPublishedRelease(slug: string): Promise<ReleaseLookup> {
  const owner = await findSlugOwner(db, slug);
  if (!owner) return null;
  if (owner.kind === "retired") {
    const target = await db.release.findFirst({
      where: { id: owner.releaseId, ...publicReleaseWhere() },
      select: { slug: true },
    });
    return target ? { redirectTo: target.slug } : null;
  }
  const row = await db.release.findFirst({
    where: { id: owner.releaseId, ...publicReleaseWhere() },
    include: publicReleaseInclude,
  });
  return row ? { release: toPublicRelease(row) } : null;
}

export interface ReleasePage {
  items: PublicReleaseSummary[];
  page: number;
  pageCount: number;
  total: number;
}

export async function listPublishedReleases(
  input: { page?: number; pageSize?: number; categorySlug?: string } = {},
): Promise<ReleasePage> {
  const pageSize = input.pageSize ?? RELEASE_PAGE_SIZE;
  const page = Math.max(1, input.page ?? 1);
  const where: Prisma.ReleaseWhereInput = {
    ...publicReleaseWhere(),
    ...CHINESE,
    ...(input.categorySlug ? { category: { slug: input.categorySlug } } : {}),
  };
  // The page's ids first, then their rows: skipping 4,800 releases for page 400 then reads the
  // index alone (publishAt, id, status), not 4,800 rows (measured: 46 ms with a sort of every
  // public release, 3 ms this way, at 10,000 releases; tests/integration/query-plans.test.ts).
  const [total, ids] = await Promise.all([
    db.release.count({ where }),
    db.release.findMany({
      where,
      select: { id: true },
      orderBy: newestFirst,
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  const rows = await db.release.findMany({
    where: { id: { in: ids.map((r) => r.id) } },
    include: summaryInclude,
    omit: { body: true },
    orderBy: newestFirst,
  });
  return { items: rows.map(toSummary), page, pageCount: Math.max(1, Math.ceil(total / pageSize)), total };
}

// Cursor = the last item's publish time and id: stable while new releases are published.
function encodeCursor(item: { publishAt: string; id: string }) {
  return Buffer.from(`${item.publishAt}|${item.id}`).toString("base64url");
}

function decodeCursor(cursor: string): { publishAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const publishAt = new Date(at ?? "");
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(publishAt.getTime())) {
    throw new AppError("bad_request", "cursor 参数无效");
  }
  return { publishAt, id };
}

/**
 * A cursor must be one this server hands out: a public release's own moment and id, written as
 * encodeCursor writes them. A made-up one (another moment, another spelling of the same bytes) is
 * a 400, not a query, so the cursors that are answered, and cached, are one per public release.
 */
async function publicCursor(cursor: string) {
  const after = decodeCursor(cursor);
  const release = await db.release.findFirst({
    where: { id: after.id, ...publicReleaseWhere() },
    select: { id: true, publishAt: true },
  });
  if (
    !release?.publishAt ||
    encodeCursor({ publishAt: release.publishAt.toISOString(), id: release.id }) !== cursor
  )
    throw new AppError("bad_request", "cursor 参数无效");
  return after;
}

export async function listReleasesAfter(input: { cursor?: string; limit: number; categorySlug?: string }) {
  const after = input.cursor ? await publicCursor(input.cursor) : null;
  const rows = await db.release.findMany({
    where: {
      AND: [
        publicReleaseWhere(),
        CHINESE,
        input.categorySlug ? { category: { slug: input.categorySlug } } : {},
        after
          ? {
              OR: [
                { publishAt: { lt: after.publishAt } },
                { publishAt: after.publishAt, id: { lt: after.id } },
              ],
            }
          : {},
      ],
    },
    include: summaryInclude,
    omit: { body: true },
    orderBy: newestFirst,
    take: input.limit + 1,
  });
  const items = rows.slice(0, input.limit).map(toSummary);
  const nextCursor = rows.length > input.limit ? encodeCursor(items[items.length - 1]) : null;
  return { items, nextCursor };
}

export async function listRelatedReleases(releaseId: string, limit = 4): Promise<PublicReleaseSummary[]> {
  const release = await db.release.findUnique({
    where: { id: releaseId },
    select: { categoryId: true, editionId: true, locale: true, tags: { select: { tagId: true } } },
  });
  if (!release) return [];
  const related: Prisma.ReleaseWhereInput[] = [];
  if (release.editionId) related.push({ editionId: release.editionId });
  if (release.categoryId) related.push({ categoryId: release.categoryId });
  if (release.tags.length)
    related.push({ tags: { some: { tagId: { in: release.tags.map((t) => t.tagId) } } } });
  if (!related.length) return [];
  const rows = await db.release.findMany({
    where: {
      AND: [publicReleaseWhere(), { locale: release.locale, id: { not: releaseId } }, { OR: related }],
    },
    include: summaryInclude,
    omit: { body: true },
    orderBy: newestFirst,
    take: limit,
  });
  return rows.map(toSummary);
}

/** The newest release with key figures leads the home page; the newest others follow it. */
export async function getHomeReleases(latestCount = 8) {
  const leadRow = await db.release.findFirst({
    where: { ...publicReleaseWhere(), ...CHINESE, figures: { some: { highlighted: true } } },
    include: publicReleaseInclude,
    orderBy: newestFirst,
  });
  const latest = await db.release.findMany({
    where: { ...publicReleaseWhere(), ...CHINESE, ...(leadRow ? { id: { not: leadRow.id } } : {}) },
    include: summaryInclude,
    omit: { body: true },
    orderBy: newestFirst,
    take: latestCount,
  });
  return { lead: leadRow ? toPublicRelease(leadRow) : null, latest: latest.map(toSummary) };
}

export const getPublishedRelease = cachedLookup("release-by-slug", findPublishedRelease);
export const getReleasePage = cachedQuery("release-page", listPublishedReleases);
export const getRelatedReleases = cachedQuery("related-releases", listRelatedReleases);
export const getHome = cachedQuery("home", getHomeReleases);
