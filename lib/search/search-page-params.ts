import { localePath } from "../i18n/paths";
import type { SearchFilters } from "./search-query";

const PAGE_PARAMETERS = ["q", "cursor", "category", "edition", "year", "lang"] as const;

/**
 * The search page's parameters as the API reads them: the first value of each known one. Unknown
 * parameters (a tracking tag) are ignored on the page, where a refusal helps no reader.
 */
export function searchPageParams(raw: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of PAGE_PARAMETERS) {
    const value = raw[name];
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== "") params.set(name, first);
  }
  return params;
}

/** The address of a results page of an edition's search: the query, its filters and the page's cursor. */
export function searchPageHref(
  locale: string,
  input: { q: string } & SearchFilters,
  cursor: string | undefined,
): string {
  const params = new URLSearchParams({ q: input.q });
  for (const name of ["category", "edition", "year", "lang"] as const)
    if (input[name] !== undefined) params.set(name, String(input[name]));
  if (cursor) params.set("cursor", cursor);
  return localePath(locale, `/search?${params}`);
}
