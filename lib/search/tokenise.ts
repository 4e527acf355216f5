/**
 * Search tokens, shared by the index (search-document.ts) and queries (search-query.ts), so both
 * read text the same way whatever the database's locale. Input is normalised first
 * (normalise-text.ts).
 *
 * - Chinese, Japanese and Korean runs become overlapping character pairs (签约项目 → 签约 约项 项目)
 *   plus the run's last character alone, so any substring of two or more characters is found
 *   through its pairs and a single character as a prefix (会:* matches 会议 and a final 会), with
 *   no dictionary to go out of date and no word boundaries to guess.
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

/** The lexemes of one CJK run: its character pairs and its last character. */
export function cjkLexemes(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  const pairs: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) pairs.push(chars[i] + chars[i + 1]);
  pairs.push(chars[chars.length - 1]);
  return pairs;
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
