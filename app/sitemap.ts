import type { MetadataRoute } from "next";
import { getConfig } from "@/lib/config";
import { releasePath } from "@/lib/i18n/paths";
import { getEditionAddresses } from "@/lib/editions/queries";
import { getSitemapData } from "@/lib/seo/sitemap-queries";
import { bilingualSitemapEntries, releaseSitemapAlternates } from "@/lib/seo/sitemap-alternates";

export const revalidate = 3600;

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const siteUrl = getConfig().siteUrl;
  const [{ releases, categories }, editions] = await Promise.all([getSitemapData(), getEditionAddresses()]);
  const newest = releases[0]?.updatedAt;
  const releaseAlternates = releaseSitemapAlternates(releases, siteUrl);
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
    ...categories.map((c) => ({
      url: `${siteUrl}/categories/${c.slug}`,
      lastModified: c.updatedAt ?? undefined,
      changeFrequency: "daily" as const,
      priority: 0.6,
    })),
    ...bilingualSitemapEntries("/editions", siteUrl).map((e) => ({
      ...e,
      lastModified: newest,
      changeFrequency: "weekly" as const,
      priority: 0.6,
    })),
    ...editions.years.map((year) => ({
      url: `${siteUrl}/editions/${year}`,
      changeFrequency: "weekly" as const,
      priority: 0.5,
    })),
    ...editions.keys.flatMap((key) =>
      bilingualSitemapEntries(`/data/${key}`, siteUrl).map((e) => ({
        ...e,
        changeFrequency: "weekly" as const,
        priority: 0.4,
      })),
    ),
    ...releases.map((r) => ({
      url: `${siteUrl}${releasePath(r.locale, r.slug)}`,
      ...releaseAlternates(r),
      lastModified: r.updatedAt,
      changeFrequency: "weekly" as const,
      priority: 0.7,
    })),
  ];
}
