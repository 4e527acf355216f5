/** "2" -> 2; anything that is not a page number from 2 up (page 1 lives at the list's own URL) -> null. */
export function parsePageParam(value: string): number | null {
  if (!/^[1-9]\d{0,5}$/.test(value)) return null;
  const page = Number(value);
  return page >= 2 ? page : null;
}

export function releasesPageHref(page: number) {
  return page <= 1 ? "/releases" : `/releases/page/${page}`;
}

export function categoryPageHref(slug: string) {
  return (page: number) => (page <= 1 ? `/categories/${slug}` : `/categories/${slug}/page/${page}`);
}

/** Releases per list page (the release list and category pages). */
export const RELEASE_PAGE_SIZE = 12;

export function englishReleasesPageHref(page: number) {
  return page <= 1 ? "/en/releases" : `/en/releases/page/${page}`;
}
