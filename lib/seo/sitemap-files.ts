import "server-only";
import type { MetadataRoute } from "next";
import { XMLBuilder } from "fast-xml-parser";
import { db } from "../db";
import { cachedQuery } from "../cache/cached-query";
import { publicReleaseWhere } from "../publication/visibility";
import { publicReleaseSql } from "../publication/visibility-sql";
import { SITEMAP_PAGES_PATH, SITEMAP_URLS_PER_FILE, sitemapReleasesPath } from "./sitemap-paths";

export interface SitemapIndexEntry {
  path: string;
  lastModified: string | null;
}

/** The index's entries: the pages file, then one file per SITEMAP_URLS_PER_FILE public releases. */
export async function listSitemapIndex(perFile = SITEMAP_URLS_PER_FILE): Promise<SitemapIndexEntry[]> {
  // One pass over the public releases in the files' order; the newest change of each file is its lastmod.
  const files = await db.$queryRaw<Array<{ file: number; lastModified: Date }>>`
    SELECT (n / ${perFile})::int + 1 AS "file", max("contentUpdatedAt") AS "lastModified"
    FROM (
      SELECT "contentUpdatedAt", row_number() OVER (ORDER BY "publishAt", "id") - 1 AS n
      FROM "release" WHERE ${publicReleaseSql()}
    ) AS numbered
    GROUP BY 1 ORDER BY 1`;
  const newest = files.reduce<Date | null>(
    (latest, f) => (!latest || f.lastModified > latest ? f.lastModified : latest),
    null,
  );
  return [
    { path: SITEMAP_PAGES_PATH, lastModified: newest?.toISOString() ?? null },
    ...files.map((f) => ({ path: sitemapReleasesPath(f.file), lastModified: f.lastModified.toISOString() })),
  ];
}

export interface SitemapRelease {
  slug: string;
  locale: string;
  translationGroupId: string;
  updatedAt: string;
}

/** The public releases of one file (1-based), oldest first; empty past the last file. */
export async function listSitemapReleases(
  file: number,
  perFile = SITEMAP_URLS_PER_FILE,
): Promise<SitemapRelease[]> {
  const rows = await db.release.findMany({
    where: publicReleaseWhere(),
    select: { slug: true, locale: true, translationGroupId: true, contentUpdatedAt: true },
    orderBy: [{ publishAt: "asc" }, { id: "asc" }],
    skip: (file - 1) * perFile,
    take: perFile,
  });
  return rows.map((r) => ({
    slug: r.slug,
    locale: r.locale,
    translationGroupId: r.translationGroupId,
    updatedAt: r.contentUpdatedAt.toISOString(),
  }));
}

export type SitemapTranslation = Omit<SitemapRelease, "updatedAt">;

/**
 * The public members of the translation groups of one file's releases (the file's own included):
 * a release's hreflang alternates, whichever file its translations sit in.
 */
export async function listSitemapTranslations(
  file: number,
  perFile = SITEMAP_URLS_PER_FILE,
): Promise<SitemapTranslation[]> {
  return db.$queryRaw<SitemapTranslation[]>`
    SELECT r."slug", r."locale", r."translationGroupId"::text AS "translationGroupId"
    FROM "release" r
    WHERE ${publicReleaseSql("r")} AND r."translationGroupId" IN (
      SELECT f."translationGroupId" FROM "release" f WHERE ${publicReleaseSql("f")}
      ORDER BY f."publishAt", f."id" OFFSET ${(file - 1) * perFile} LIMIT ${perFile}
    )`;
}

export const getSitemapIndex = cachedQuery("sitemap-index", listSitemapIndex);
export const getSitemapReleases = cachedQuery("sitemap-releases", listSitemapReleases);
export const getSitemapTranslations = cachedQuery("sitemap-translations", listSitemapTranslations);

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@", processEntities: true });
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

export function sitemapIndexXml(siteUrl: string, entries: SitemapIndexEntry[]): string {
  return (
    XML_DECLARATION +
    builder.build({
      sitemapindex: {
        "@xmlns": SITEMAP_NS,
        sitemap: entries.map((e) => ({
          loc: siteUrl + e.path,
          ...(e.lastModified ? { lastmod: e.lastModified } : {}),
        })),
      },
    })
  );
}

/** A urlset in the shape Next's own sitemap files take (MetadataRoute.Sitemap), alternates included. */
export function urlsetXml(entries: MetadataRoute.Sitemap): string {
  const hasAlternates = entries.some((e) => e.alternates?.languages);
  return (
    XML_DECLARATION +
    builder.build({
      urlset: {
        "@xmlns": SITEMAP_NS,
        ...(hasAlternates ? { "@xmlns:xhtml": "http://www.w3.org/1999/xhtml" } : {}),
        url: entries.map((e) => ({
          loc: e.url,
          ...(e.alternates?.languages
            ? {
                "xhtml:link": Object.entries(e.alternates.languages).map(([hreflang, href]) => ({
                  "@rel": "alternate",
                  "@hreflang": hreflang,
                  "@href": href,
                })),
              }
            : {}),
          ...(e.lastModified
            ? { lastmod: e.lastModified instanceof Date ? e.lastModified.toISOString() : e.lastModified }
            : {}),
          ...(e.changeFrequency ? { changefreq: e.changeFrequency } : {}),
          ...(e.priority !== undefined ? { priority: e.priority } : {}),
        })),
      },
    })
  );
}
