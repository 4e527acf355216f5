import { z } from "zod";
import { normaliseForSearch } from "./normalise-text";
import { cjkLexemes, quoteLexeme, tokenRuns, wordLexeme } from "./tokenise";

export const MAX_QUERY_LENGTH = 100;
export const DEFAULT_SEARCH_LIMIT = 20;
export const MAX_SEARCH_LIMIT = 50;
/** Results past this many are not paged to: a query that broad wants more words, and deep pages cost a sort each. */
export const MAX_SEARCH_OFFSET = 500;
export const SEARCH_LOCALES = ["zh-CN", "en"] as const;

// C0 and C1 controls, DEL, and the invisible format characters that can hide text (bidi overrides, zero width).
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

export const searchTextSchema = z
  .string({ message: "请输入搜索词" })
  .refine((q) => !CONTROL.test(q), "搜索词不能包含控制字符")
  .transform((q) => q.trim().replace(/\s+/g, " "))
  .refine((q) => q.length > 0, "请输入搜索词")
  .refine((q) => Array.from(q).length <= MAX_QUERY_LENGTH, `搜索词不能超过 ${MAX_QUERY_LENGTH} 个字`);

const CURSOR = /^o([1-9]\d{0,3})$/;

/** The cursor is the offset of the next page, opaque to clients: base64url of "o<offset>". */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o${offset}`).toString("base64url");
}

export function decodeCursor(cursor: string): number | null {
  if (cursor.length > 16 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  const match = CURSOR.exec(Buffer.from(cursor, "base64url").toString("latin1"));
  const offset = match ? Number(match[1]) : NaN;
  // Only the cursors this server hands out: a multiple of no particular size, but within the bound.
  return offset >= 1 && offset <= MAX_SEARCH_OFFSET && encodeCursor(offset) === cursor ? offset : null;
}

const year = z.coerce
  .number({ message: "年份无效" })
  .int("年份无效")
  .min(1900, "年份无效")
  .max(2100, "年份无效");

/** Filters readers and staff may add to a query; each is checked, so nothing unknown reaches SQL. */
export const searchFiltersSchema = z.object({
  category: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "分类无效")
    .max(100, "分类无效")
    .optional(),
  edition: year.optional(),
  year: year.optional(),
  lang: z.enum(SEARCH_LOCALES, { message: "语言无效" }).optional(),
});
export type SearchFilters = z.infer<typeof searchFiltersSchema>;

export const searchInputSchema = searchFiltersSchema.extend({
  q: searchTextSchema,
  limit: z.coerce
    .number({ message: "每页条数无效" })
    .int("每页条数无效")
    .min(1, "每页条数无效")
    .max(MAX_SEARCH_LIMIT, `每页最多 ${MAX_SEARCH_LIMIT} 条`)
    .default(DEFAULT_SEARCH_LIMIT),
  cursor: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === "") return 0;
      const offset = decodeCursor(value);
      if (offset === null) {
        ctx.addIssue({ code: "custom", message: "分页游标无效" });
        return z.NEVER;
      }
      return offset;
    }),
});
export type SearchInput = z.infer<typeof searchInputSchema>;

export interface ParsedQuery {
  /** Normalised runs of the query and its space-free chunks, for highlighting (签约项目, 3425亿, 2023, wmc). */
  terms: string[];
  /** PostgreSQL tsquery input: every lexeme must be present; null when the query has no letters or digits. */
  tsquery: string | null;
}

/**
 * What a query must match. Each run contributes its lexemes, all required (AND): a Chinese run its
 * character pairs (a document holding them all holds the phrase in practice), a single character
 * itself, a word as itself. Punctuation (% _ \ * ( ) | …) is not searchable and drops out, so
 * no input can reach the tsquery syntax.
 */
export function parseQuery(text: string): ParsedQuery {
  const normalised = normaliseForSearch(text);
  const terms = new Set<string>();
  const items = new Set<string>();
  // A chunk written without spaces (3425亿) is highlighted whole where it occurs, before its runs.
  for (const chunk of normalised.split(" ")) {
    const runs = tokenRuns(chunk);
    if (runs.length > 1) terms.add(chunk.slice(runs[0].start, runs[runs.length - 1].end));
  }
  for (const run of tokenRuns(normalised)) {
    if (run.cjk) {
      const chars = Array.from(run.text);
      terms.add(run.text);
      const lexemes = cjkLexemes(run.text);
      // One character is itself; a longer run is its pairs.
      for (const lexeme of chars.length === 1 ? lexemes : lexemes.slice(chars.length))
        items.add(quoteLexeme(lexeme));
    } else {
      const word = wordLexeme(run.text);
      terms.add(word);
      items.add(quoteLexeme(word));
    }
  }
  return { terms: [...terms], tsquery: items.size ? [...items].join(" & ") : null };
}
