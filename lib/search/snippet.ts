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

/** A text a snippet may be cut from, as shown (whitespace collapsed, cut) and normalised (same length). */
export interface SnippetSource {
  text: string;
  normal: string;
}

/**
 * The first SNIPPET_SCAN_LENGTH characters of `text` with whitespace collapsed, and their
 * normalised twin. Built when a search document is written (search-document.ts), so a search
 * reads both from the document instead of running opencc per hit.
 */
export function snippetSource(text: string): SnippetSource {
  const shown = text.slice(0, SNIPPET_SCAN_LENGTH).replace(/\s+/g, " ").trim();
  return { text: shown, normal: normaliseForSearch(shown) };
}

/** Whether position `at` of `text` falls between the two halves of one character (a surrogate pair). */
const splitsPair = (text: string, at: number) =>
  at > 0 && at < text.length && /[\uD800-\uDBFF]/.test(text[at - 1]) && /[\uDC00-\uDFFF]/.test(text[at]);

/** snippetPartsOf for a text not prepared beforehand. */
export function snippetParts(text: string, terms: string[], length = 120): SnippetPart[] {
  return snippetPartsOf(snippetSource(text), terms, length);
}

/**
 * A short excerpt of the source around the first place the longest query term occurs, with every
 * occurrence of a term in it marked. Matching runs on the normalised copy (traditional query, simplified text and
 * the reverse), which has the same length, so the excerpt is the original's characters. Without a
 * hit, the opening of the text. Parts are plain text: the page renders them as React text and the
 * API escapes them (snippetHtml), so markup in a release can never become markup in a snippet.
 */
export function snippetPartsOf(source: SnippetSource, terms: string[], length = 120): SnippetPart[] {
  const original = Array.from(source.text);
  const normal = Array.from(source.normal);
  // Same length by construction; should a character ever change length, fall back to no marks.
  const haystack = normal.length === original.length ? normal : original;
  const needles = [...new Set(terms.map((t) => Array.from(t)).filter((t) => t.length > 0))].sort(
    (a, b) => b.length - a.length,
  );
  const matchAt = (i: number) =>
    needles.find((needle) => needle.every((c, k) => haystack[i + k] === c))?.length ?? 0;

  // The window opens at the first occurrence of the longest term found (3425亿 before 亿). Found
  // with the string's indexOf (a search scans up to 6,000 characters per candidate text), then
  // counted in characters; a match that starts or ends inside a surrogate pair is no match.
  const haystackText = haystack === normal ? source.normal : source.text;
  const occurs = (needle: string[]) => {
    const wanted = needle.join("");
    for (let at = haystackText.indexOf(wanted); at >= 0; at = haystackText.indexOf(wanted, at + 1)) {
      const end = at + wanted.length;
      if (!splitsPair(haystackText, at) && !splitsPair(haystackText, end))
        return Array.from(haystackText.slice(0, at)).length;
    }
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
