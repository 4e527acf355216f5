// Sentences and clauses of a paragraph, found outside brackets and quotes, so "外省(区、市)" and
// "《…,…!》" stay whole.
const OPENERS = "(（“《「『[【‘";
const CLOSERS = ")）”》」』]】’";
const SENTENCE_BREAKS = "。！？!?；;";
/** Breaks between clauses that a "分别" group or a record claim may not cross. */
const STRONG_BREAKS = `${SENTENCE_BREAKS}，,：:`;
const CLAUSE_BREAKS = `${STRONG_BREAKS}、`;

export interface Span {
  start: number;
  /** Exclusive. */
  end: number;
}

function splitAt(text: string, breaks: string): Span[] {
  const spans: Span[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (OPENERS.includes(c)) depth++;
    else if (CLOSERS.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && breaks.includes(c) && !isThousandsSeparator(text, i)) {
      if (i > start) spans.push({ start, end: i });
      start = i + 1;
    }
  }
  if (text.length > start) spans.push({ start, end: text.length });
  return spans;
}

/** "1,500": a comma between digits groups them; it ends no clause. */
function isThousandsSeparator(text: string, at: number): boolean {
  return (
    text[at] === "," &&
    /[0-9]/.test(text[at - 1] ?? "") &&
    /^[0-9]{3}(?![0-9])/.test(text.slice(at + 1, at + 5))
  );
}

export const sentencesOf = (text: string) => splitAt(text, SENTENCE_BREAKS);
export const clausesOf = (text: string) => splitAt(text, CLAUSE_BREAKS);
/** Clauses split only at commas and stronger: an enumeration "A、B、C" stays one piece. */
export const phrasesOf = (text: string) => splitAt(text, STRONG_BREAKS);

export function spanAt(spans: Span[], offset: number): Span {
  return spans.find((s) => s.start <= offset && offset < s.end) ?? { start: offset, end: offset };
}

/** Dice coefficient over character bigrams (single characters for very short words). */
export function labelSimilarity(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  const grams = (s: string) => {
    const chars = Array.from(s);
    if (chars.length < 2) return chars;
    return chars.slice(1).map((c, i) => chars[i] + c);
  };
  const x = grams(a);
  const y = grams(b);
  const pool = [...y];
  let shared = 0;
  for (const g of x) {
    const at = pool.indexOf(g);
    if (at !== -1) {
      shared++;
      pool.splice(at, 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

/** Dice coefficient over distinct characters: looser, for subjects that name a figure in other words. */
export function characterOverlap(a: string, b: string): number {
  const x = new Set(a);
  const y = new Set(b);
  if (!x.size || !y.size) return 0;
  let shared = 0;
  for (const c of x) if (y.has(c)) shared++;
  return (2 * shared) / (x.size + y.size);
}
