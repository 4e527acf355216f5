import "server-only";
import { db } from "../db";
import { cachedQuery } from "../cache/cached-query";
import { publicReleaseWhere } from "../publication/visibility";

export interface SitemapData {
  releases: Array<{
    slug: string;
    title: string;
    locale: string;
    publishAt: string;
    updatedAt: string;
    translationGroupId: string;
  }>;
  categories: Array<{ slug: string; updatedAt: string | null }>;
}

export async function listSitemapData(): Promise<SitemapData> {
  const releases = await db.release.findMany({
    where: publicReleaseWhere(),
    select: {
      slug: true,
      title: true,
      locale: true,
      translationGroupId: true,
      publishAt: true,
      contentUpdatedAt: true,
      category: { select: { slug: true } },
    },
    orderBy: { publishAt: "desc" },
  });
  const categories = await db.category.findMany({ select: { slug: true }, orderBy: { sortOrder: "asc" } });
  const latestByCategory = new Map<string, string>();
  for (const r of releases) {
    const at = r.contentUpdatedAt.toISOString();
    if (r.category && (latestByCategory.get(r.category.slug) ?? "") < at)
      latestByCategory.set(r.category.slug, at);
  }
  return {
    releases: releases.map((r) => ({
      slug: r.slug,
      title: r.title,
      locale: r.locale,
      translationGroupId: r.translationGroupId,
      publishAt: (r.publishAt ?? r.contentUpdatedAt).toISOString(),
      updatedAt: r.contentUpdatedAt.toISOString(),
    })),
    categories: categories.map((c) => ({ slug: c.slug, updatedAt: latestByCategory.get(c.slug) ?? null })),
  };
}

export const getSitemapData = cachedQuery("sitemap", listSitemapData);
