import "server-only";
import type { MetadataRoute } from "next";
import { getEditionAddresses } from "../editions/queries";
import type { SitemapRelease } from "./sitemap-files";
import { getSitemapData } from "./sitemap-queries";

/** The entries of /sitemaps/pages.xml: every public page that is not a release. */
export async function sitemapPageEntries(siteUrl: string): Promise<MetadataRoute.Sitemap> {
  const [{ releases, categories }, editions] = await Promise.all([getSitemapData(), getEditionAddresses()]);
  const newest = releases[0]?.updatedAt;
  return [
    { url: `${siteUrl}/`, lastModified: newest, changeFrequency: "hourly", priority: 1 },
    { url: `${siteUrl}/releases`, lastModified: newest, changeFrequency: "hourly", priority: 0.8 },
    ...categories.map((c) => ({
      url: `${siteUrl}/categories/${c.slug}`,
      lastModified: c.updatedAt ?? undefined,
      changeFrequency: "daily" as const,
      priority: 0.6,
    })),
    { url: `${siteUrl}/editions`, lastModified: newest, changeFrequency: "weekly", priority: 0.6 },
    ...editions.years.map((year) => ({
      url: `${siteUrl}/editions/${year}`,
      changeFrequency: "weekly" as const,
      priority: 0.5,
    })),
    ...editions.keys.map((key) => ({
      url: `${siteUrl}/data/${key}`,
      changeFrequency: "weekly" as const,
      priority: 0.4,
    })),
  ];
}

/** The entries of one releases file (hreflang alternates go here, from the release's translation group). */
export function sitemapReleaseEntries(siteUrl: string, releases: SitemapRelease[]): MetadataRoute.Sitemap {
  return releases.map((r) => ({
    url: `${siteUrl}/releases/${r.slug}`,
    lastModified: r.updatedAt,
    changeFrequency: "weekly" as const,
    priority: 0.7,
  }));
}
