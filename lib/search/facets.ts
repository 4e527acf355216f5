import "server-only";
import { db } from "../db";
import { cachedQuery } from "../cache/cached-query";
import { listCategories } from "../categories/queries";
import { publicReleaseWhere } from "../publication/visibility";
import { publicReleaseSql } from "../publication/visibility-sql";

export interface SearchFacets {
  categories: Array<{ slug: string; name: string; nameEn: string | null }>;
  editionYears: number[];
  years: number[];
  locales: string[];
}

/** The choices of the search filters: only values some public release has. */
export async function listSearchFacets(): Promise<SearchFacets> {
  const visible = publicReleaseWhere();
  const [categories, editions, years, locales] = await Promise.all([
    listCategories(),
    db.edition.findMany({
      where: { releases: { some: visible } },
      select: { year: true },
      distinct: ["year"],
      orderBy: { year: "desc" },
    }),
    db.$queryRaw<Array<{ year: number }>>`
      SELECT DISTINCT extract(year FROM "publishAt" AT TIME ZONE 'Asia/Shanghai')::int AS year
      FROM release WHERE ${publicReleaseSql()} ORDER BY year DESC`,
    db.release.findMany({ where: visible, select: { locale: true }, distinct: ["locale"] }),
  ]);
  return {
    categories: categories
      .filter((c) => c.releaseCount > 0)
      .map(({ slug, name, nameEn }) => ({ slug, name, nameEn })),
    editionYears: editions.map((e) => e.year),
    years: years.map((y) => y.year),
    locales: locales.map((l) => l.locale).sort(),
  };
}

export const getSearchFacets = cachedQuery("search-facets", listSearchFacets);
