import { escapeHtml } from "../content/escape-html";
import { normaliseForSearch } from "./normalise-text";

export type SnippetPart = { text: string; hit: boolean };

/** Body text past this is not indexed (search-document.ts). */
export const INDEXED_TEXT_LENGTH = 50_000;
/**
 * Text past this is not looked at for a snippet: normalising it (opencc) is most of a search's
 * time in Node, and a release's first pages hold what a snippet should show. A match further down
 * gets the opening (or the summary).
 */
export const SNIPPET_SCAN_LENGTH = 6_000;

/**
 * A short excerpt of `text` around the first place the longest query term occurs, with every
 * occurrence of a term in it marked. Matching runs on the normalised copy (traditional query, simplified text and
 * the reverse), which has the same length, so the excerpt is the original's characters. Without a
 * hit, the opening of the text. Parts are plain text: the page renders them as React text and the
 * API escapes them (snippetHtml), so markup in a release can never become markup in a snippet.
 */
export function snippetParts(text: string, terms: string[], length = 120): SnippetPart[] {
  const original = Array.from(text.slice(0, SNIPPET_SCAN_LENGTH).replace(/\s+/g, " ").trim());
  const normal = Array.from(normaliseForSearch(original.join("")));
  // Same length by construction; should a character ever change length, fall back to no marks.
  const haystack = normal.length === original.length ? normal : original;
  const needles = [...new Set(terms.map((t) => Array.from(t)).filter((t) => t.length > 0))].sort(
    (a, b) => b.length - a.length,
  );
  const matchAt = (i: number) =>
    needles.find((needle) => needle.every((c, k) => haystack[i + k] === c))?.length ?? 0;

  // The window opens at the first occurrence of the longest term found (3425亿 before 亿).
  const occurs = (needle: string[]) => {
    for (let i = 0; i + needle.length <= haystack.length; i++)
      if (needle.every((c, k) => haystack[i + k] === c)) return i;
    return -1;
  };
  let first = -1;
  for (const needle of needles) if ((first = occurs(needle)) >= 0) break;
  const start = first < 0 ? 0 : Math.max(0, first - Math.floor(length / 3));
  const end = Math.min(original.length, start + length);

  const parts: SnippetPart[] = [];
  const push = (chars: string[], hit: boolean) => {
    if (!chars.length) return;
    const last = parts[parts.length - 1];
    if (last && last.hit === hit) last.text += chars.join("");
    else parts.push({ text: chars.join(""), hit });
  };
  if (start > 0) push(["…"], false);
  for (let i = start; i < end;) {
    const hit = Math.min(matchAt(i), end - i);
    if (hit) {
      push(original.slice(i, i + hit), true);
      i += hit;
    } else {
      push([original[i]], false);
      i++;
    }
  }
  if (end < original.length) push(["…"], false);
  return parts;
}

/** The snippet as HTML for the API: every part escaped, then hits wrapped in <mark>. */
export function snippetHtml(parts: SnippetPart[]): string {
  return parts.map((p) => (p.hit ? `<mark>${escapeHtml(p.text)}</mark>` : escapeHtml(p.text))).join("");
}
