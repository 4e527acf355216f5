import type { Messages } from "@/lib/i18n/messages";
import { fill } from "@/lib/i18n/messages";
import { localePath } from "@/lib/i18n/paths";
import type { SearchFacets } from "@/lib/search/facets";
import type { SearchFilters } from "@/lib/search/search-query";

interface Props {
  messages: Messages;
  q: string;
  filters: SearchFilters;
  facets: SearchFacets;
  errorId?: string;
}

/** The search page's form: a plain GET form, so it works before (and without) any script. */
export function SearchForm({ messages, q, filters, facets, errorId }: Props) {
  const t = messages.search;
  const localeName = (locale: string) =>
    locale === "en" ? t.langEn : locale === "zh-CN" ? t.langZh : locale;
  return (
    <form
      className="search-form"
      role="search"
      action={localePath(messages.lang.code, "/search")}
      method="get"
    >
      <div className="search-form__row">
        <label className="visually-hidden" htmlFor="search-q">
          {t.label}
        </label>
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={q}
          placeholder={t.placeholder}
          maxLength={100}
          autoComplete="off"
          enterKeyHint="search"
          aria-invalid={errorId ? true : undefined}
          aria-describedby={errorId}
        />
        <button className="button" type="submit">
          {t.submit}
        </button>
      </div>
      <fieldset className="search-form__filters">
        <legend className="visually-hidden">{t.filters}</legend>
        <label className="field field--inline">
          <span>{t.category}</span>
          <select name="category" defaultValue={filters.category ?? ""}>
            <option value="">{t.any}</option>
            {facets.categories.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field field--inline">
          <span>{t.edition}</span>
          <select name="edition" defaultValue={filters.edition ?? ""}>
            <option value="">{t.any}</option>
            {facets.editionYears.map((year) => (
              <option key={year} value={year}>
                {fill(t.editionYear, { year })}
              </option>
            ))}
          </select>
        </label>
        <label className="field field--inline">
          <span>{t.year}</span>
          <select name="year" defaultValue={filters.year ?? ""}>
            <option value="">{t.any}</option>
            {facets.years.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </label>
        {facets.locales.length > 1 && (
          <label className="field field--inline">
            <span>{t.lang}</span>
            <select name="lang" defaultValue={filters.lang ?? ""}>
              <option value="">{t.any}</option>
              {facets.locales.map((locale) => (
                <option key={locale} value={locale}>
                  {localeName(locale)}
                </option>
              ))}
            </select>
          </label>
        )}
      </fieldset>
    </form>
  );
}
