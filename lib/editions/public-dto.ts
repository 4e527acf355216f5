import type { Prisma } from "../generated/prisma/client";
import { toPublicFigure, type PublicFigure } from "../releases/public-dto";

// Public shapes of editions and of one figure across editions (plain JSON: they pass through the data cache).

export const editionSelect = {
  id: true,
  year: true,
  ordinal: true,
  city: true,
  theme: true,
  startDate: true,
  endDate: true,
  event: { select: { id: true, slug: true, name: true, createdAt: true } },
} satisfies Prisma.EditionSelect;

type EditionRow = Prisma.EditionGetPayload<{ select: typeof editionSelect }>;

export interface PublicEdition {
  year: number;
  ordinal: number | null;
  city: string;
  theme: string | null;
  startDate: string;
  endDate: string;
  event: { slug: string; name: string };
}

export function toPublicEdition(e: EditionRow): PublicEdition {
  return {
    year: e.year,
    ordinal: e.ordinal,
    city: e.city,
    theme: e.theme,
    startDate: e.startDate.toISOString().slice(0, 10),
    endDate: e.endDate.toISOString().slice(0, 10),
    event: { slug: e.event.slug, name: e.event.name },
  };
}

/** A figure as it enters a comparison: its value in one edition, and the release that states it. */
export const seriesFigureInclude = {
  release: {
    select: {
      slug: true,
      title: true,
      isEditionResults: true,
      publishAt: true,
      edition: { select: editionSelect },
    },
  },
} satisfies Prisma.FigureInclude;

type SeriesFigureRow = Prisma.FigureGetPayload<{ include: typeof seriesFigureInclude }>;

export interface SeriesPoint {
  edition: PublicEdition;
  figure: PublicFigure;
  release: { slug: string; title: string };
}

/**
 * One value per edition: the edition's results release states it if it can, else its newest
 * public release does. Newest edition first (then the older event first, for a stable order).
 */
export function seriesPoints(rows: SeriesFigureRow[]): SeriesPoint[] {
  const rank = (r: SeriesFigureRow) => [
    r.release.isEditionResults ? 1 : 0,
    r.release.publishAt?.getTime() ?? 0,
  ];
  const best = new Map<string, SeriesFigureRow>();
  for (const row of rows) {
    const edition = row.release.edition;
    if (!edition) continue;
    const current = best.get(edition.id);
    const [a1, a2] = rank(row);
    const [b1, b2] = current ? rank(current) : [-1, -1];
    if (a1 > b1 || (a1 === b1 && a2 > b2)) best.set(edition.id, row);
  }
  return [...best.values()]
    .flatMap((row) => (row.release.edition ? [{ row, edition: row.release.edition }] : []))
    .sort(
      (a, b) =>
        b.edition.year - a.edition.year ||
        a.edition.event.createdAt.getTime() - b.edition.event.createdAt.getTime(),
    )
    .map(({ row, edition }) => ({
      edition: toPublicEdition(edition),
      figure: toPublicFigure(row),
      release: { slug: row.release.slug, title: row.release.title },
    }));
}
