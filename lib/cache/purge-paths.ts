import "server-only";
import { db } from "../db";
import { listCategoryCounts } from "../categories/counts";
import { listEditionAddresses } from "../editions/addresses";
import { publicReleaseWhere } from "../publication/visibility";
import { RELEASE_PAGE_SIZE } from "../releases/page-param";
import { SITEMAP_PAGES_PATH, sitemapFileCount, sitemapReleasesPath } from "../seo/sitemap-paths";

/** What the public site is made of, as far as a front cache may have stored it. */
export interface PurgeSnapshot {
  /** Current and retired slugs of every release that is or ever was public. */
  releaseSlugs: string[];
  /** Current and retired slugs of every English release that is or ever was public (/en/releases/…). */
  englishReleaseSlugs: string[];
  publicReleaseCount: number;
  publicEnglishReleaseCount: number;
  /** Each category with its public Chinese and English releases (each language lists its own). */
  categories: Array<{ slug: string; publicReleases: number; publicEnglishReleases: number }>;
  editionYears: number[];
  figureKeys: string[];
}

// Addresses that list or summarise releases: any public change may alter them.
const SITE_PATHS = [
  "/",
  "/releases",
  "/api/releases",
  "/feed.xml",
  "/atom.xml",
  "/feed.json",
  "/sitemap.xml",
  "/news-sitemap.xml",
  SITEMAP_PAGES_PATH,
  "/editions",
];
// The English edition's addresses that list or summarise releases (app/en).
const ENGLISH_SITE_PATHS = [
  "/en",
  "/en/releases",
  "/en/feed.xml",
  "/en/atom.xml",
  "/en/feed.json",
  "/en/editions",
];
const RELEASE_SUFFIXES = ["", "/data", "/figures.csv", "/share.png"];
const CATEGORY_SUFFIXES = ["", "/feed.xml", "/atom.xml", "/feed.json"];
// An English release's page, its figures table and CSV (its share image is the original's).
const ENGLISH_RELEASE_SUFFIXES = ["", "/data", "/figures.csv"];

// One page more than there is now: the page a take-down just emptied may still be cached.
const listPages = (count: number) => Math.ceil(count / RELEASE_PAGE_SIZE) + 1;
const segment = (value: string) => encodeURIComponent(value);

/**
 * Every path a public change may have made stale in a front cache (issue 12 §1): each release page
 * with its data page, CSV, share image and JSON, the lists and their pages, categories with their
 * feeds, home, feeds, sitemaps, editions and figure data. The outbox says only that public content
 * changed (tags "public"/"releases"), so the set is taken from the database: releases that were ever
 * public (a take-down or a new slug must empty the old address too), every edition year and every
 * figure key that ever had public data.
 */
export function purgePathsFor(snapshot: PurgeSnapshot): string[] {
  const paths = new Set(SITE_PATHS);
  for (let page = 2; page <= listPages(snapshot.publicReleaseCount); page++)
    paths.add(`/releases/page/${page}`);
  // One file more than there is now, like the list pages.
  for (let file = 1; file <= sitemapFileCount(snapshot.publicReleaseCount) + 1; file++)
    paths.add(sitemapReleasesPath(file));
  for (const slug of snapshot.releaseSlugs) {
    for (const suffix of RELEASE_SUFFIXES) paths.add(`/releases/${segment(slug)}${suffix}`);
    paths.add(`/api/releases/${segment(slug)}`);
  }
  for (const { slug, publicReleases } of snapshot.categories) {
    for (const suffix of CATEGORY_SUFFIXES) paths.add(`/categories/${segment(slug)}${suffix}`);
    for (let page = 2; page <= listPages(publicReleases); page++)
      paths.add(`/categories/${segment(slug)}/page/${page}`);
  }
  for (const year of snapshot.editionYears) paths.add(`/editions/${year}`);
  // English: a Chinese figure change shows on its translation's page, so every English address goes too.
  for (const path of ENGLISH_SITE_PATHS) paths.add(path);
  for (let page = 2; page <= listPages(snapshot.publicEnglishReleaseCount); page++)
    paths.add(`/en/releases/page/${page}`);
  for (const slug of snapshot.englishReleaseSlugs)
    for (const suffix of ENGLISH_RELEASE_SUFFIXES) paths.add(`/en/releases/${segment(slug)}${suffix}`);
  for (const { slug, publicEnglishReleases } of snapshot.categories) {
    paths.add(`/en/categories/${segment(slug)}`);
    for (let page = 2; page <= listPages(publicEnglishReleases); page++)
      paths.add(`/en/categories/${segment(slug)}/page/${page}`);
  }
  for (const year of snapshot.editionYears) paths.add(`/en/editions/${year}`);
  for (const key of snapshot.figureKeys) {
    paths.add(`/en/data/${segment(key)}`);
    paths.add(`/data/${segment(key)}`);
    paths.add(`/data/${segment(key)}/csv`);
    paths.add(`/api/figures/${segment(key)}`);
  }
  return [...paths];
}

export async function loadPurgeSnapshot(): Promise<PurgeSnapshot> {
  const visible = publicReleaseWhere();
  const [
    releases,
    retired,
    publicReleaseCount,
    publicEnglishReleaseCount,
    categories,
    editions,
    years,
    keys,
  ] = await Promise.all([
    db.release.findMany({
      where: { OR: [visible, { publishedAt: { not: null } }] },
      select: { slug: true, locale: true },
    }),
    db.slugRedirect.findMany({ select: { slug: true, release: { select: { locale: true } } } }),
    db.release.count({ where: { ...visible, locale: "zh-CN" } }),
    db.release.count({ where: { ...visible, locale: "en" } }),
    listCategoryCounts(),
    listEditionAddresses(),
    db.edition.findMany({ select: { year: true }, distinct: ["year"] }),
    db.figureKey.findMany({ select: { key: true } }),
  ]);
  return {
    releaseSlugs: [...releases, ...retired].map((r) => r.slug),
    englishReleaseSlugs: [
      ...releases.filter((r) => r.locale === "en"),
      ...retired.filter((r) => r.release.locale === "en"),
    ].map((r) => r.slug),
    publicReleaseCount,
    publicEnglishReleaseCount,
    categories: categories.map((c) => ({
      slug: c.slug,
      publicReleases: c.releases["zh-CN"],
      publicEnglishReleases: c.releases.en,
    })),
    editionYears: [...new Set([...editions.years, ...years.map((e) => e.year)])],
    figureKeys: [...new Set([...editions.keys, ...keys.map((k) => k.key)])],
  };
}

export async function listPurgePaths(): Promise<string[]> {
  return purgePathsFor(await loadPurgeSnapshot());
}
