import { z } from "zod";
import { AppError, fieldIssues } from "../errors";
import { searchInputSchema, type SearchInput } from "./search-query";

/**
 * Query parameters of a search (the API and the page read the same ones). Each parameter at most
 * once and nothing unknown: a client cannot vary the request without changing what it asks.
 */
const PARAMETERS = new Set(["q", "limit", "cursor", "category", "edition", "year", "lang"]);

export function parseSearchParams(params: URLSearchParams): SearchInput {
  const values: Record<string, string> = {};
  for (const [name, value] of params) {
    if (!PARAMETERS.has(name)) throw new AppError("bad_request", `未知的查询参数：${name.slice(0, 40)}`);
    if (name in values) throw new AppError("bad_request", `查询参数重复：${name}`);
    if (value !== "" || name === "q") values[name] = value;
  }
  const parsed = searchInputSchema.safeParse(values);
  if (!parsed.success)
    throw new AppError("bad_request", parsed.error.issues[0]?.message ?? "查询参数无效", {
      fields: fieldIssues(parsed.error as z.ZodError),
    });
  return parsed.data;
}
