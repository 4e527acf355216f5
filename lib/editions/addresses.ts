import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { publicReleaseWhere } from "../publication/visibility";

// Kept free of Next's cache so the proxy's public index can load it.

/** Figures readers can compare: public, and of a release that belongs to an edition. */
export const publicEditionFigure = (key?: Prisma.FigureWhereInput["key"]): Prisma.FigureWhereInput => ({
  ...(key === undefined ? {} : { key }),
  release: { ...publicReleaseWhere(), editionId: { not: null } },
});

/** The years (/editions/[year]) and figure keys (/data/[key]) that have public pages. */
export async function listEditionAddresses(): Promise<{ years: number[]; keys: string[] }> {
  const [editions, keys] = await Promise.all([
    db.edition.findMany({
      where: { releases: { some: publicReleaseWhere() } },
      select: { year: true },
      distinct: ["year"],
      orderBy: { year: "desc" },
    }),
    db.figure.findMany({
      where: publicEditionFigure(),
      select: { key: true },
      distinct: ["key"],
      orderBy: { key: "asc" },
    }),
  ]);
  return { years: editions.map((e) => e.year), keys: keys.map((k) => k.key) };
}
