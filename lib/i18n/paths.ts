// Where each edition's pages live: Chinese at the root, English under /en (app/en). One mapping for
// links, the language switch, hreflang alternates, sitemaps, feeds and the purge list.

export type SiteLocale = "zh-CN" | "en";

export function siteLocale(locale: string): SiteLocale {
  return locale === "en" ? "en" : "zh-CN";
}

/** A path of the given edition: ("en", "/releases") -> "/en/releases", ("en", "/") -> "/en". */
export function localePath(locale: string, path: string): string {
  if (siteLocale(locale) === "zh-CN") return path;
  return path === "/" ? "/en" : `/en${path}`;
}

export function releasePath(locale: string, slug: string): string {
  return localePath(locale, `/releases/${encodeURIComponent(slug)}`);
}

// Pages that exist in both editions under the same path (release pages differ: a translation has its own slug).
const SHARED_PAGES = [
  /^\/$/,
  /^\/releases$/,
  /^\/editions$/,
  /^\/editions\/\d{4}$/,
  /^\/data\/[^/]+$/,
  /^\/categories\/[^/]+$/,
  /^\/search$/,
];
// A numbered page of a category's list: the other edition may have fewer pages, so its first one.
const CATEGORY_LIST_PAGE = /^(\/categories\/[^/]+)\/page\/\d+$/;

/**
 * The other edition's address of a page: the same page where both editions have it
 * (/releases <-> /en/releases, /data/k <-> /en/data/k, /categories/c <-> /en/categories/c,
 * /editions/2023 <-> /en/editions/2023, /search <-> /en/search), else the other edition's home. Release pages
 * link their translation themselves (they know its slug).
 */
export function counterpartPath(pathname: string): { locale: SiteLocale; path: string } {
  const english = pathname === "/en" || pathname.startsWith("/en/");
  const rest = english ? pathname.slice(3) || "/" : pathname;
  const target: SiteLocale = english ? "zh-CN" : "en";
  const categoryPage = CATEGORY_LIST_PAGE.exec(rest);
  if (categoryPage) return { locale: target, path: localePath(target, categoryPage[1]) };
  return {
    locale: target,
    path: SHARED_PAGES.some((p) => p.test(rest)) ? localePath(target, rest) : localePath(target, "/"),
  };
}
