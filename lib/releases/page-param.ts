import { localePath } from "../i18n/paths";

/** "2" -> 2; anything that is not a page number from 2 up (page 1 lives at the list's own URL) -> null. */
export function parsePageParam(value: string): number | null {
  if (!/^[1-9]\d{0,5}$/.test(value)) return null;
  const page = Number(value);
  return page >= 2 ? page : null;
}

/**
 * The list's own URL for its page 1 under either edition (/releases/page/1 -> /releases,
 * /en/categories/anhui/page/1 -> /en/categories/anhui), which links never name but readers type;
 * null for any other path.
 */
export function firstPageRedirect(pathname: string): string | null {
  return /^((?:\/en)?\/(?:releases|categories\/[^/]+))\/page\/1$/.exec(pathname)?.[1] ?? null;
}

/**
 * The URL of page n of a release list in either edition: ("en", "/categories/anhui") gives
 * /en/categories/anhui, then /en/categories/anhui/page/2, ...
 */
export function listPageHref(locale: string, base: string) {
  return (page: number) => localePath(locale, page <= 1 ? base : `${base}/page/${page}`);
}

/** Releases per list page (the release list and category pages). */
export const RELEASE_PAGE_SIZE = 12;
