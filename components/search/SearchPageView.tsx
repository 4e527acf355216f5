import Link from "next/link";
import { fill, getMessages } from "@/lib/i18n/messages";
import { localizedName } from "@/lib/i18n/localized-name";
import type { SiteLocale } from "@/lib/i18n/paths";
import { searchPageHref } from "@/lib/search/search-page-params";
import type { SearchPageData } from "@/lib/search/search-page";
import { SearchForm } from "./SearchForm";
import { SearchResults } from "./SearchResults";
import { SearchSuggestions } from "./SearchSuggestions";

/** The search page of either edition: its interface language, links and suggestions; one engine. */
export function SearchPageView({ locale, data }: { locale: SiteLocale; data: SearchPageData }) {
  const messages = getMessages(locale);
  const t = messages.search;
  const { q, results, problem, query, filters } = data;
  const categories = data.facets.categories.map((c) => ({ ...c, name: localizedName(c, locale) }));
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const href = (cursor?: string) => searchPageHref(locale, { q: query ?? "", ...filters }, cursor);
  return (
    <div className="search-page">
      <h1 className="page-title">{results ? fill(t.results, { q: query ?? "" }) : t.title}</h1>
      <SearchForm
        messages={messages}
        q={q}
        filters={filters}
        facets={{ ...data.facets, categories }}
        errorId={problem ? "search-problem" : undefined}
      />
      {problem && (
        <div className="search-empty" role="alert" id="search-problem">
          <h2>{t.invalid}</h2>
          {/* The engine's reasons are in Chinese: the English page gives its own. */}
          <p>{locale === "zh-CN" ? problem : t.invalidText}</p>
        </div>
      )}
      {!results && !problem && <p className="muted">{t.start}</p>}
      {results && results.hits.length > 0 && (
        <>
          <p className="muted" aria-live="polite">
            {fill(t.shown, { from: results.offset + 1, to: results.offset + results.hits.length })}
          </p>
          <SearchResults
            hits={results.hits}
            messages={messages}
            start={results.offset}
            categories={categories}
          />
          <nav className="pagination" aria-label={messages.list.pagination}>
            {results.offset > 0 && <Link href={href()}>{t.firstPage}</Link>}
            {results.nextCursor && (
              <Link href={href(results.nextCursor)} rel="next">
                {t.more}
              </Link>
            )}
          </nav>
        </>
      )}
      {results && results.hits.length === 0 && (
        <div className="search-empty" aria-live="polite">
          <h2>{fill(t.empty, { q: query ?? "" })}</h2>
          <p>{t.emptyTips}</p>
          {filtered && (
            <Link href={searchPageHref(locale, { q: query ?? "" }, undefined)}>{t.emptyFiltered}</Link>
          )}
        </div>
      )}
      {(!results || results.hits.length === 0) && (
        <SearchSuggestions messages={messages} recent={data.recent} categories={categories} />
      )}
    </div>
  );
}
