import "server-only";
import type { MetadataRoute } from "next";
import { getEditionAddresses } from "../editions/queries";
import { releasePath } from "../i18n/paths";
import type { SitemapRelease } from "./sitemap-files";
import { bilingualSitemapEntries, releaseSitemapAlternates } from "./sitemap-alternates";
import { getSitemapPageDates } from "./sitemap-queries";

/** The entries of /sitemaps/pages.xml: every public page that is not a release. */
export async function sitemapPageEntries(siteUrl: string): Promise<MetadataRoute.Sitemap> {
  const [dates, editions] = await Promise.all([getSitemapPageDates(), getEditionAddresses()]);
  const newest = dates.newest ?? undefined;
  const categories = dates.categories;
  return [
    ...bilingualSitemapEntries("/", siteUrl).map((e) => ({
      ...e,
      lastModified: newest,
      changeFrequency: "hourly" as const,
      priority: 1,
    })),
    ...bilingualSitemapEntries("/releases", siteUrl).map((e) => ({
      ...e,
      lastModified: newest,
      changeFrequency: "hourly" as const,
      priority: 0.8,
    })),
    ...categories.flatMap((c) =>
      bilingualSitemapEntries(`/categories/${c.slug}`, siteUrl).map((e) => ({
        ...e,
        lastModified: c.updatedAt ?? undefined,
        changeFrequency: "daily" as const,
        priority: 0.6,
      })),
    ),
    ...bilingualSitemapEntries("/editions", siteUrl).map((e) => ({
      ...e,
      lastModified: newest,
      changeFrequency: "weekly" as const,
      priority: 0.6,
    })),
    ...editions.years.flatMap((year) =>
      bilingualSitemapEntries(`/editions/${year}`, siteUrl).map((e) => ({
        ...e,
        changeFrequency: "weekly" as const,
        priority: 0.5,
      })),
    ),
    ...editions.keys.flatMap((key) =>
      bilingualSitemapEntries(`/data/${key}`, siteUrl).map((e) => ({
        ...e,
        changeFrequency: "weekly" as const,
        priority: 0.4,
      })),
    ),
  ];
}

/**
 * The entries of one releases file, each with its hreflang alternates: `translations` are the public
 * members of the file's translation groups, which may sit in other files.
 */
export function sitemapReleaseEntries(
  siteUrl: string,
  releases: SitemapRelease[],
  translations: readonly Omit<SitemapRelease, "updatedAt">[] = releases,
): MetadataRoute.Sitemap {
  const alternatesOf = releaseSitemapAlternates(translations, siteUrl);
  return releases.map((r) => ({
    url: `${siteUrl}${releasePath(r.locale, r.slug)}`,
    ...alternatesOf(r),
    lastModified: r.updatedAt,
    changeFrequency: "weekly" as const,
    priority: 0.7,
  }));
}
