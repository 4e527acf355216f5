import type { MetadataRoute } from "next";
import { getConfig } from "@/lib/config";
import { getEditionAddresses } from "@/lib/editions/queries";
import { getSitemapData } from "@/lib/seo/sitemap-queries";

export const revalidate = 3600;

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const siteUrl = getConfig().siteUrl;
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
    ...releases.map((r) => ({
      url: `${siteUrl}/releases/${r.slug}`,
      lastModified: r.updatedAt,
      changeFrequency: "weekly" as const,
      priority: 0.7,
    })),
  ];
}
