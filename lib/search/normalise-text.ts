import { foldWidth, toSimplified } from "../import/script";

/**
 * The form both documents and queries are compared in: full-width letters and digits as ASCII,
 * traditional characters as simplified (opencc-js), lower case. Every step keeps the length, so an
 * offset found in the normalised copy points at the same characters of the original (snippets).
 */
export function normaliseForSearch(text: string): string {
  const simplified = toSimplified(foldWidth(text));
  const lower = simplified.toLowerCase();
  if (lower.length === simplified.length) return lower;
  // A few letters change length in lower case (İ): those keep their case.
  return Array.from(simplified, (c) => (c.toLowerCase().length === c.length ? c.toLowerCase() : c)).join("");
}
