import "server-only";
import { db } from "../db";
import { cachedQuery } from "../cache/cached-query";
import { publicReleaseWhere } from "../publication/visibility";

/** Google News takes articles of the last two days only. */
export const NEWS_WINDOW_MS = 2 * 24 * 3600_000;

/** The public releases of the news sitemap: those published in the last two days. */
export interface SitemapData {
  releases: Array<{
    slug: string;
    title: string;
    locale: string;
    publishAt: string;
    updatedAt: string;
    translationGroupId: string;
  }>;
}

/**
 * Read by the date index, not by loading every public release (175 ms at 10,000 releases). Cached
 * until the next public change, so the route cuts the window again when it answers.
 */
export async function listSitemapData(now = new Date()): Promise<SitemapData> {
  const releases = await db.release.findMany({
    where: {
      AND: [publicReleaseWhere(now), { publishAt: { gte: new Date(now.getTime() - NEWS_WINDOW_MS) } }],
    },
    select: {
      slug: true,
      title: true,
      locale: true,
      translationGroupId: true,
      publishAt: true,
      contentUpdatedAt: true,
    },
    orderBy: { publishAt: "desc" },
  });
  return {
    releases: releases.map((r) => ({
      slug: r.slug,
      title: r.title,
      locale: r.locale,
      translationGroupId: r.translationGroupId,
      publishAt: (r.publishAt ?? r.contentUpdatedAt).toISOString(),
      updatedAt: r.contentUpdatedAt.toISOString(),
    })),
  };
}

export const getSitemapData = cachedQuery("sitemap", listSitemapData);

/** The dates of /sitemaps/pages.xml: the newest change of any public release, and of each category's. */
export interface SitemapPageDates {
  newest: string | null;
  categories: Array<{ slug: string; updatedAt: string | null }>;
}

/**
 * One aggregate over the public releases (the newest change per category) instead of a row per
 * release: the pages file needs dates, not releases. The newest of all is what the sitemap index
 * gives this file too (lib/seo/sitemap-files.ts).
 */
export async function listSitemapPageDates(): Promise<SitemapPageDates> {
  const [latest, categories] = await Promise.all([
    db.release.groupBy({
      by: ["categoryId"],
      where: publicReleaseWhere(),
      _max: { contentUpdatedAt: true },
    }),
    db.category.findMany({ select: { id: true, slug: true }, orderBy: { sortOrder: "asc" } }),
  ]);
  const byCategory = new Map(latest.map((l) => [l.categoryId, l._max.contentUpdatedAt]));
  const newest = latest.reduce<Date | null>(
    (max, l) =>
      l._max.contentUpdatedAt && (!max || l._max.contentUpdatedAt > max) ? l._max.contentUpdatedAt : max,
    null,
  );
  return {
    newest: newest?.toISOString() ?? null,
    categories: categories.map((c) => ({
      slug: c.slug,
      updatedAt: byCategory.get(c.id)?.toISOString() ?? null,
    })),
  };
}

export const getSitemapPageDates = cachedQuery("sitemap-pages", listSitemapPageDates);
