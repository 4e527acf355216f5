import "server-only";
import { db } from "../db";
import { listCategoryCounts } from "../categories/counts";
import { listEditionAddresses } from "../editions/addresses";
import { publicReleaseWhere } from "../publication/visibility";
import { parseSitemapFile, sitemapFileCount } from "../seo/sitemap-paths";
import { RELEASE_PAGE_SIZE } from "./page-param";

/**
 * Every public address a client can name, held in memory: public release slugs, category slugs
 * with their release counts, edition years and figure keys with public data. The proxy answers 404 for any other slug or page number before a
 * page renders, because Next keeps every rendered ISR answer on disk, 404s included (measured:
 * ~37 KB in .next/server/route-cache plus a data-cache entry per random slug), so
 * attacker-chosen slugs would fill the disk the database lives on. Reloaded by the cache watcher
 * after every change and when a scheduled release comes due, like the old-slug map.
 */
type PublicIndex = {
  /** Every public release slug (an English one at /releases/… is redirected to /en/releases/…). */
  releases: Set<string>;
  /** Public English release slugs: /en/releases/<slug>. */
  englishReleases: Set<string>;
  /** Public English releases, for the pages of /en/releases. */
  englishReleaseCount: number;
  categories: Map<string, number>;
  /** Public English releases per category, for the pages of /en/categories/<slug>. */
  englishCategories: Map<string, number>;
  /** Public Chinese releases, for the pages of /releases (the Chinese lists). */
  releaseCount: number;
  editionYears: Set<string>;
  figureKeys: Set<string>;
  loadedAt: number;
};

// A path the index does not know is checked against a fresh index before it is refused, so a
// release published a moment ago (before the watcher's reload) is never a 404; under a flood of
// unknown paths this reloads at most once per interval.
const RECHECK_AFTER_MS = 1000;

const store: typeof globalThis & {
  __pressroomPublicIndex?: PublicIndex;
  __pressroomPublicIndexLoading?: Promise<PublicIndex>;
  __pressroomPublicChangeAt?: number;
} = globalThis;

/**
 * A subscriber of the public-change event: an index loaded before this moment may lack what just
 * became public, so a miss is checked against a fresh index even inside the recheck interval (a
 * release published right after another, within a second, is never a 404).
 */
export function notePublicChange(): void {
  store.__pressroomPublicChangeAt = Date.now();
}

export async function loadPublicIndex(): Promise<PublicIndex> {
  // When the reading started: a change announced while it runs still counts as newer.
  const startedAt = Date.now();
  const visible = publicReleaseWhere();
  const [releases, categories, editions] = await Promise.all([
    db.release.findMany({ where: visible, select: { slug: true, locale: true } }),
    listCategoryCounts(),
    listEditionAddresses(),
  ]);
  const english = releases.filter((r) => r.locale === "en");
  const index = {
    releases: new Set(releases.map((r) => r.slug)),
    englishReleases: new Set(english.map((r) => r.slug)),
    englishReleaseCount: english.length,
    categories: new Map(categories.map((c) => [c.slug, c.releases["zh-CN"]])),
    englishCategories: new Map(categories.map((c) => [c.slug, c.releases.en])),
    releaseCount: releases.filter((r) => r.locale === "zh-CN").length,
    editionYears: new Set(editions.years.map(String)),
    figureKeys: new Set(editions.keys),
    loadedAt: startedAt,
  };
  store.__pressroomPublicIndex = index;
  return index;
}

function load(): Promise<PublicIndex> {
  store.__pressroomPublicIndexLoading ??= loadPublicIndex().finally(
    () => (store.__pressroomPublicIndexLoading = undefined),
  );
  return store.__pressroomPublicIndexLoading;
}

/** Whether a path can exist: from memory, confirmed against a fresh index when the answer is no. */
export async function publicPathKnown(pathname: string): Promise<boolean> {
  const index = store.__pressroomPublicIndex ?? (await load());
  if (publicPathExists(pathname, index)) return true;
  const changedSince = (store.__pressroomPublicChangeAt ?? 0) >= index.loadedAt;
  if (!changedSince && Date.now() - index.loadedAt < RECHECK_AFTER_MS) return false;
  return publicPathExists(pathname, await load());
}

const pageCount = (count: number) => Math.max(1, Math.ceil(count / RELEASE_PAGE_SIZE));
const isPageWithin = (value: string | undefined, count: number) =>
  value !== undefined &&
  /^[1-9]\d{0,5}$/.test(value) &&
  Number(value) >= 2 &&
  Number(value) <= pageCount(count);

/**
 * Whether a public path can exist, for paths whose segments a client chooses: /releases/<slug>…,
 * /releases/page/<n>, /categories/<slug>…, /api/releases/<slug>…, /editions/<year>, /data/<key>[/csv],
 * /api/figures/<key>, /sitemaps/releases/<n>.xml, and under /en: /en/releases/<slug>[/data,
 * /figures.csv], /en/releases/page/<n>, /en/categories/<slug>[/page/<n>], /en/editions/<year>,
 * /en/data/<key>. Other paths: true.
 */
export function publicPathExists(pathname: string, index: PublicIndex): boolean {
  if (pathname.startsWith("/en/")) return englishPathExists(pathname.split("/").slice(2), index);
  const parts = pathname.split("/").slice(1);
  const [first, second, third] = parts;
  if (first === "sitemaps" && second === "releases") {
    const file = parts.length === 3 ? parseSitemapFile(third ?? "") : null;
    return file !== null && file <= sitemapFileCount(index.releaseCount + index.englishReleaseCount);
  }
  if (first === "releases" && second === "page")
    return parts.length === 3 && isPageWithin(third, index.releaseCount);
  if (first === "releases" && second !== undefined) return index.releases.has(decodeSegment(second));
  if (first === "categories" && second !== undefined) return categoryPathExists(parts, index.categories);
  if (first === "api" && second === "releases" && third !== undefined)
    return index.releases.has(decodeSegment(third));
  if (first === "editions" && second !== undefined) return editionPathExists(parts, index);
  if (first === "data" && second !== undefined)
    return (
      (parts.length === 2 || (parts.length === 3 && third === "csv")) &&
      index.figureKeys.has(decodeSegment(second))
    );
  if (first === "api" && second === "figures" && third !== undefined)
    return parts.length === 3 && index.figureKeys.has(decodeSegment(third));
  return true;
}

// A category (its pages counted in the edition's own releases); its feeds are Chinese only.
function categoryPathExists(parts: string[], counts: Map<string, number>, feeds = true): boolean {
  const [, slug, third, fourth] = parts;
  const count = counts.get(decodeSegment(slug));
  if (count === undefined) return false;
  if (third === "page") return parts.length === 4 && isPageWithin(fourth, count);
  return parts.length === 2 || feeds;
}

const editionPathExists = (parts: string[], index: PublicIndex) =>
  parts.length === 2 && index.editionYears.has(parts[1]);

// What an English release has besides its page: its figures as a table and as CSV.
const ENGLISH_RELEASE_SUBPATHS = new Set(["data", "figures.csv"]);

// The English edition's client-chosen segments: its release slugs and list pages, categories,
// edition years and figure keys.
function englishPathExists(parts: string[], index: PublicIndex): boolean {
  const [first, second, third] = parts;
  if (first === "releases" && second === "page")
    return parts.length === 3 && isPageWithin(third, index.englishReleaseCount);
  if (first === "releases" && second !== undefined)
    return (
      (parts.length === 2 || (parts.length === 3 && ENGLISH_RELEASE_SUBPATHS.has(third))) &&
      index.englishReleases.has(decodeSegment(second))
    );
  if (first === "categories" && second !== undefined)
    return categoryPathExists(parts, index.englishCategories, false);
  if (first === "editions" && second !== undefined) return editionPathExists(parts, index);
  if (first === "data" && second !== undefined)
    return parts.length === 2 && index.figureKeys.has(decodeSegment(second));
  return true;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
