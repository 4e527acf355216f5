import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { cachedLookup, cachedQuery } from "../cache/cached-query";
import { publicReleaseWhere } from "../publication/visibility";
import { listEditionAddresses } from "./addresses";
import { headlineReleaseIds, representativeFigureIds } from "./representative-sql";
import {
  summaryFields,
  toPublicFigure,
  type PublicFigure,
  type PublicReleaseSummary,
} from "../releases/public-dto";
import {
  editionSelect,
  seriesFigureInclude,
  seriesPoints,
  toPublicEdition,
  type PublicEdition,
  type SeriesPoint,
} from "./public-dto";

// Public reads of editions and of figures across editions. Only public releases count: an
// edition appears once one of its releases is public, a key once one of its figures is.

const releaseOfEdition = {
  category: { select: { slug: true, name: true } },
  figures: { orderBy: { sortOrder: "asc" } },
} satisfies Prisma.ReleaseInclude;

const newestFirst = [
  { publishAt: "desc" },
  { id: "desc" },
] satisfies Prisma.ReleaseOrderByWithRelationInput[];

const editionOrder = [
  { year: "desc" },
  { event: { createdAt: "asc" } },
] satisfies Prisma.EditionOrderByWithRelationInput[];

async function publicEditionRows(where: Prisma.EditionWhereInput = {}) {
  return db.edition.findMany({
    where: { ...where, releases: { some: publicReleaseWhere() } },
    select: {
      ...editionSelect,
      releases: {
        // Chinese releases: an English translation states the same figures (its original's rows).
        where: { ...publicReleaseWhere(), locale: "zh-CN" },
        include: releaseOfEdition,
        omit: { body: true },
        orderBy: newestFirst,
      },
    },
    orderBy: editionOrder,
  });
}

type EditionRow = Awaited<ReturnType<typeof publicEditionRows>>[number];

export interface EditionSummary extends PublicEdition {
  /** The figures the edition is known by: the key figures of its results release (or of its newest release that has any). */
  headline: PublicFigure[];
  headlineRelease: { slug: string; title: string } | null;
  releaseCount: number;
}

function headlineOf(edition: EditionRow) {
  const withKeys = edition.releases.filter((r) => r.figures.some((f) => f.highlighted));
  return headlineFrom(withKeys.find((r) => r.isEditionResults) ?? withKeys[0]);
}

function headlineFrom(
  release:
    | {
        slug: string;
        title: string;
        figures: Array<Parameters<typeof toPublicFigure>[0] & { highlighted: boolean }>;
      }
    | undefined,
) {
  return release
    ? {
        headline: release.figures.filter((f) => f.highlighted).map(toPublicFigure),
        headlineRelease: { slug: release.slug, title: release.title },
      }
    : { headline: [], headlineRelease: null };
}

/** The site's main event is the first one set up (the seed's 世界制造业大会); others are named where they appear. */
async function mainEventId() {
  return (await db.event.findFirst({ orderBy: { createdAt: "asc" }, select: { id: true } }))?.id ?? null;
}

/** Every public edition with its headline: the chosen release is picked in SQL, only its key figures are read. */
export async function listPublicEditions(): Promise<{ editions: EditionSummary[]; eventCount: number }> {
  const [rows, headlineIds] = await Promise.all([
    db.edition.findMany({
      where: { releases: { some: publicReleaseWhere() } },
      select: {
        ...editionSelect,
        _count: { select: { releases: { where: { ...publicReleaseWhere(), locale: "zh-CN" } } } },
      },
      orderBy: editionOrder,
    }),
    headlineReleaseIds(),
  ]);
  const headlines = await db.release.findMany({
    where: { id: { in: headlineIds } },
    select: {
      editionId: true,
      slug: true,
      title: true,
      figures: { where: { highlighted: true }, orderBy: { sortOrder: "asc" } },
    },
  });
  const headlineByEdition = new Map(headlines.map((r) => [r.editionId, r]));
  return {
    editions: rows.map((e) => ({
      ...toPublicEdition(e),
      ...headlineFrom(headlineByEdition.get(e.id)),
      releaseCount: e._count.releases,
    })),
    eventCount: new Set(rows.map((e) => e.event.id)).size,
  };
}

export interface EditionDetail extends EditionSummary {
  releases: PublicReleaseSummary[];
  /** Every figure of the edition's public releases, by release. */
  figuresByRelease: Array<{ release: { slug: string; title: string }; figures: PublicFigure[] }>;
}

/** The editions of a year: the main event's first. Null when none has a public release. */
export async function findEditionsOfYear(
  year: number,
): Promise<{ editions: EditionDetail[]; eventCount: number } | null> {
  if (!Number.isInteger(year)) return null;
  const [rows, main, eventCount] = await Promise.all([
    publicEditionRows({ year }),
    mainEventId(),
    db.event.count({ where: { editions: { some: { releases: { some: publicReleaseWhere() } } } } }),
  ]);
  if (!rows.length) return null;
  const ordered = [...rows.filter((e) => e.event.id === main), ...rows.filter((e) => e.event.id !== main)];
  return {
    eventCount,
    editions: ordered.map((e) => {
      const releases = e.releases.map((r) => ({ row: r, figures: r.figures.map(toPublicFigure) }));
      return {
        ...toPublicEdition(e),
        ...headlineOf(e),
        releaseCount: e.releases.length,
        releases: releases.map(({ row, figures }) => summaryFields(row, figures)),
        figuresByRelease: releases
          .filter(({ figures }) => figures.length)
          .map(({ row, figures }) => ({ release: { slug: row.slug, title: row.title }, figures })),
      };
    }),
  };
}

export interface FigureSeries {
  key: string;
  label: string;
  labelEn: string | null;
  baseUnit: string;
  higherIsBetter: boolean;
  /** Newest edition first, one value each. */
  series: SeriesPoint[];
  eventCount: number;
}

/** One figure key across every edition that states it publicly; null when none does. */
export async function findFigureSeries(key: string): Promise<FigureSeries | null> {
  const entry = await db.figureKey.findUnique({ where: { key } });
  if (!entry) return null;
  const rows = await db.figure.findMany({
    where: { id: { in: await representativeFigureIds([key]) } },
    include: seriesFigureInclude,
  });
  const series = seriesPoints(rows);
  if (!series.length) return null;
  return {
    key: entry.key,
    label: entry.label,
    labelEn: entry.labelEn,
    baseUnit: entry.baseUnit,
    higherIsBetter: entry.higherIsBetter,
    series,
    eventCount: new Set(series.map((p) => p.edition.event.slug)).size,
  };
}

/**
 * For a release's key figures: the same keys' values in the other editions of its event
 * (历届对比), newest first. Keys no other edition states are left out.
 */
export async function listEditionComparisons(
  releaseSlug: string,
): Promise<Array<{ key: string; points: SeriesPoint[] }>> {
  const release = await db.release.findFirst({
    where: { slug: releaseSlug, ...publicReleaseWhere() },
    select: {
      editionId: true,
      edition: { select: { eventId: true, year: true } },
      figures: { where: { highlighted: true }, select: { key: true }, orderBy: { sortOrder: "asc" } },
    },
  });
  if (!release?.edition || !release.figures.length) return [];
  const keys = release.figures.map((f) => f.key);
  const ids = await representativeFigureIds(keys, {
    eventId: release.edition.eventId,
    exceptEditionId: release.editionId ?? undefined,
  });
  const rows = await db.figure.findMany({ where: { id: { in: ids } }, include: seriesFigureInclude });
  // 历届对比 compares with earlier editions only (issue 11): a later edition is not history yet
  // for this release (/data/[key] shows the whole series).
  const year = release.edition.year;
  return keys
    .map((key) => ({
      key,
      points: seriesPoints(rows.filter((r) => r.key === key)).filter((p) => p.edition.year < year),
    }))
    .filter((c) => c.points.length);
}

export const getPublicEditions = cachedQuery("editions", listPublicEditions);
export const getEditionsOfYear = cachedLookup("editions-of-year", findEditionsOfYear);
export const getFigureSeries = cachedLookup("figure-series", findFigureSeries);
export const getEditionComparisons = cachedQuery("edition-comparisons", listEditionComparisons);
export const getEditionAddresses = cachedQuery("edition-addresses", listEditionAddresses);
