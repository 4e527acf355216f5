/**
 * Search tokens, shared by the index (search-document.ts) and queries (search-query.ts), so both
 * read text the same way whatever the database's locale. Input is normalised first
 * (normalise-text.ts).
 *
 * - Chinese, Japanese and Korean runs become their characters and overlapping character pairs
 *   (签约项目 → 签 约 项 目 签约 约项 项目), so any substring is found through its pairs (or, for
 *   one character, itself), with no dictionary to go out of date and no word boundaries to guess.
 *   Single characters are indexed rather than matched as prefixes: a prefix (亿:*) makes GIN merge
 *   the posting lists of every lexeme it covers, measured at 137 ms for 3425亿 on 10,000 releases.
 * - Other letters and digits form words, lower-cased; a decimal point between digits stays (1.6).
 */
const CJK_CLASS = String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]`;
const CJK = new RegExp(CJK_CLASS, "u");
const WORD_CHAR = String.raw`(?:(?!${CJK_CLASS})[\p{L}\p{N}])`;
const TOKEN_RUN = new RegExp(String.raw`${CJK_CLASS}+|${WORD_CHAR}+(?:\.\p{N}+)*`, "gu");

/** Longer words are cut: a lexeme must stay far below PostgreSQL's 2 KB limit, and no one searches for them. */
export const MAX_WORD_LENGTH = 40;

export type TokenRun = { text: string; cjk: boolean; start: number; end: number };

export function tokenRuns(normalised: string): TokenRun[] {
  const runs: TokenRun[] = [];
  for (const match of normalised.matchAll(TOKEN_RUN)) {
    const text = match[0];
    const cjk = CJK.test(String.fromCodePoint(text.codePointAt(0)!));
    runs.push({ text, cjk, start: match.index, end: match.index + text.length });
  }
  return runs;
}

/** The lexemes of one CJK run: each character and each pair of neighbours. */
export function cjkLexemes(run: string): string[] {
  const chars = Array.from(run);
  const pairs: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) pairs.push(chars[i] + chars[i + 1]);
  return [...chars, ...pairs];
}

export function wordLexeme(word: string): string {
  return Array.from(word).slice(0, MAX_WORD_LENGTH).join("");
}

/** Every lexeme of a normalised text, each once. */
export function documentLexemes(normalised: string, into: Set<string> = new Set()): Set<string> {
  for (const run of tokenRuns(normalised)) {
    if (run.cjk) for (const lexeme of cjkLexemes(run.text)) into.add(lexeme);
    else into.add(wordLexeme(run.text));
  }
  return into;
}

/** A lexeme quoted for PostgreSQL's tsvector and tsquery input (which reads it byte for byte, no locale). */
export function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

/** The literal of a tsvector without positions: only membership is used (see search-releases.ts). */
export function tsvectorLiteral(lexemes: Iterable<string>): string {
  return [...lexemes].map(quoteLexeme).join(" ");
}
