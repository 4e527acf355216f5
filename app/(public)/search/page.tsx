import type { Metadata } from "next";
import Link from "next/link";
import { SearchForm } from "@/components/search/SearchForm";
import { SearchResults } from "@/components/search/SearchResults";
import { SearchSuggestions } from "@/components/search/SearchSuggestions";
import { AppError } from "@/lib/errors";
import { fill, getMessages } from "@/lib/i18n/messages";
import { getReleasePage } from "@/lib/releases/queries";
import { getSearchFacets } from "@/lib/search/facets";
import { searchPageParams, searchPageHref } from "@/lib/search/search-page-params";
import type { SearchFilters } from "@/lib/search/search-query";
import { parseSearchParams } from "@/lib/search/search-request";
import { searchPublicReleases, type SearchPage as Results } from "@/lib/search/search-releases";

// Result pages are not for search engines' indexes (endless client-chosen addresses).
export const metadata: Metadata = { title: "搜索", robots: { index: false, follow: true } };

type Params = Promise<Record<string, string | string[] | undefined>>;

export default async function SearchPage({ searchParams }: { searchParams: Params }) {
  const messages = getMessages();
  const t = messages.search;
  const params = searchPageParams(await searchParams);
  const q = params.get("q") ?? "";
  const [facets, recent] = await Promise.all([getSearchFacets(), getReleasePage({ page: 1 })]);
  const suggestions = (
    <SearchSuggestions messages={messages} recent={recent.items.slice(0, 4)} categories={facets.categories} />
  );

  let results: Results | null = null;
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
  const filtered = Object.values(filters).some((v) => v !== undefined);

  return (
    <div className="search-page">
      <h1 className="page-title">{results ? fill(t.results, { q: input!.q }) : t.title}</h1>
      <SearchForm
        messages={messages}
        q={q}
        filters={filters}
        facets={facets}
        errorId={problem ? "search-problem" : undefined}
      />
      {problem && (
        <div className="search-empty" role="alert" id="search-problem">
          <h2>{t.invalid}</h2>
          <p>{problem}</p>
        </div>
      )}
      {!results && !problem && <p className="muted">{t.start}</p>}
      {results && results.hits.length > 0 && (
        <>
          <p className="muted" aria-live="polite">
            {fill(t.shown, { from: results.offset + 1, to: results.offset + results.hits.length })}
          </p>
          <SearchResults hits={results.hits} messages={messages} start={results.offset} />
          <nav className="pagination" aria-label={messages.list.pagination}>
            {results.offset > 0 && <Link href={searchPageHref(input!, undefined)}>{t.firstPage}</Link>}
            {results.nextCursor && (
              <Link href={searchPageHref(input!, results.nextCursor)} rel="next">
                {t.more}
              </Link>
            )}
          </nav>
        </>
      )}
      {results && results.hits.length === 0 && (
        <div className="search-empty" aria-live="polite">
          <h2>{fill(t.empty, { q: input!.q })}</h2>
          <p>{t.emptyTips}</p>
          {filtered && <Link href={searchPageHref({ q: input!.q }, undefined)}>{t.emptyFiltered}</Link>}
        </div>
      )}
      {(!results || results.hits.length === 0) && suggestions}
    </div>
  );
}
