import "server-only";
import { AppError } from "../errors";
import type { SiteLocale } from "../i18n/paths";
import { getEnglishReleasePage } from "../releases/english-queries";
import { getReleasePage } from "../releases/queries";
import { getSearchFacets } from "./facets";
import { searchPageParams } from "./search-page-params";
import type { SearchFilters } from "./search-query";
import { parseSearchParams } from "./search-request";
import { searchPublicReleases, type SearchPage } from "./search-releases";

/**
 * What a search page of either edition shows: the form's choices, the newest releases of that
 * edition (suggested when nothing is found), and the results or the reason there are none.
 */
export async function loadSearchPage(locale: SiteLocale, raw: Record<string, string | string[] | undefined>) {
  const params = searchPageParams(raw);
  const q = params.get("q") ?? "";
  const [facets, recent] = await Promise.all([
    getSearchFacets(),
    locale === "en" ? getEnglishReleasePage({ page: 1 }) : getReleasePage({ page: 1 }),
  ]);
  let results: SearchPage | null = null;
  let problem: string | null = null;
  let input: ReturnType<typeof parseSearchParams> | null = null;
  if (q.trim() !== "" || params.size > 1) {
    try {
      input = parseSearchParams(params);
      const { q: text, limit, cursor, ...filters } = input;
      results = await searchPublicReleases({ q: text, filters, limit, offset: cursor });
    } catch (error) {
      // A refused query (too long, control characters, a forged cursor) or one that ran out of time.
      if (!(error instanceof AppError) || !["bad_request", "unavailable"].includes(error.code)) throw error;
      problem = error.message;
    }
  }
  const filters: SearchFilters = input
    ? { category: input.category, edition: input.edition, year: input.year, lang: input.lang }
    : {};
  return { q, facets, recent: recent.items.slice(0, 4), results, problem, query: input?.q ?? null, filters };
}

export type SearchPageData = Awaited<ReturnType<typeof loadSearchPage>>;
