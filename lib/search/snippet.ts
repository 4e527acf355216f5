import { escapeHtml } from "../content/escape-html";
import { sameShape } from "../import/script";
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
  at > 0 && at < text.length && isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at));
const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** Code units of the character starting at `at` (2 for a surrogate pair, else 1). */
const charUnits = (text: string, at: number) => (splitsPair(text, at + 1) ? 2 : 1);

/** The position `count` characters after `at` (at most the end). */
function forward(text: string, at: number, count: number): number {
  for (let n = 0; n < count && at < text.length; n++) at += charUnits(text, at);
  return at;
}

/** The position `count` characters before `at` (at least 0). */
function back(text: string, at: number, count: number): number {
  for (let n = 0; n < count && at > 0; n++) at -= splitsPair(text, at - 1) ? 2 : 1;
  return at;
}

function characterCount(text: string): number {
  let count = 0;
  for (let at = 0; at < text.length; at += charUnits(text, at)) count++;
  return count;
}

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
 *
 * Lengths are counted in characters, but nothing outside the excerpt is copied: a search cuts 20
 * of these from texts of up to 6,000 characters, and copying each into an array of characters was
 * the largest part of a search's time in Node.
 */
export function snippetPartsOf(source: SnippetSource, terms: string[], length = 120): SnippetPart[] {
  const { text, normal } = source;
  // Same shape by construction (toSimplified); should that ever fail, no marks across scripts.
  const haystack = sameShape(normal, text) ? normal : text;
  const needles = [...new Set(terms.filter((t) => t.length > 0))]
    .map((needle) => ({ needle, characters: characterCount(needle) }))
    .sort((a, b) => b.characters - a.characters)
    .map(({ needle }) => needle);
  // A match that starts or ends inside a surrogate pair is no match.
  const matchesAt = (needle: string, at: number) =>
    haystack.startsWith(needle, at) && !splitsPair(haystack, at) && !splitsPair(haystack, at + needle.length);
  const matchAt = (at: number) => needles.find((needle) => matchesAt(needle, at))?.length ?? 0;

  // The window opens at the first occurrence of the longest term found (3425亿 before 亿).
  const occurs = (needle: string) => {
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1))
      if (matchesAt(needle, at)) return at;
    return -1;
  };
  let first = -1;
  for (const needle of needles) if ((first = occurs(needle)) >= 0) break;
  const start = first < 0 ? 0 : back(text, first, Math.floor(length / 3));
  const end = forward(text, start, length);

  const parts: SnippetPart[] = [];
  const push = (piece: string, hit: boolean) => {
    if (!piece) return;
    const last = parts[parts.length - 1];
    if (last && last.hit === hit) last.text += piece;
    else parts.push({ text: piece, hit });
  };
  if (start > 0) push("…", false);
  for (let at = start; at < end;) {
    const hitEnd = Math.min(at + matchAt(at), end);
    if (hitEnd > at) {
      push(text.slice(at, hitEnd), true);
      at = hitEnd;
    } else {
      const next = at + charUnits(text, at);
      push(text.slice(at, next), false);
      at = next;
    }
  }
  if (end < text.length) push("…", false);
  return parts;
}

/** The snippet as HTML for the API: every part escaped, then hits wrapped in <mark>. */
export function snippetHtml(parts: SnippetPart[]): string {
  return parts.map((p) => (p.hit ? `<mark>${escapeHtml(p.text)}</mark>` : escapeHtml(p.text))).join("");
}
