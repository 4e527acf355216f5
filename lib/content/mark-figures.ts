import { escapeHtml } from "./escape-html";

export interface MarkableFigure {
  key: string;
  label: string;
  display: string;
  baseValue: string;
  isRecord: boolean;
  sourceText: string | null;
  mention: string | null;
}

interface Span {
  start: number;
  end: number;
  figure: MarkableFigure;
}

/**
 * How many characters the searches of one body may scan: 15 passes over a maximal body. Text chosen
 * to defeat the string search costs up to 10 ms a pass at 400,000 characters, so this stays under
 * 200 ms; a body built to need more (hundreds of figures whose words never occur) leaves its remaining
 * figures as plain text rather than the page slow. A real body needs about one pass when its figures
 * follow the text, and one per figure when they do not (300 such figures fit on a 20,000-character body).
 */
export const MARK_SCAN_BUDGET = 6_000_000;

/**
 * Wraps each figure's words in the body in <data value="…">, so readers (and machines) can tell a
 * figure from prose: "1.6万名" becomes <data value="16000" …>1.6万名</data>. A mention is looked for
 * inside its source sentence first, so a number written twice is marked where the figure comes from.
 *
 * Bounded on any body the limits allow (400,000 characters, 300 figures): the text is searched with
 * every tag blanked out (an escaped mention contains no "<", so it never matches inside one), a match
 * that overlaps a marked figure skips past that figure, source sentences are looked for from where
 * the previous one was found (figures come in the order of the text), and all searches share
 * MARK_SCAN_BUDGET.
 */
export function markFigures(html: string, figures: MarkableFigure[]): string {
  const text = blankTags(html);
  const taken: Span[] = [];
  const sources = new Map<string, number>();
  let budget = MARK_SCAN_BUDGET;
  const find = (needle: string, from: number) => {
    const at = text.indexOf(needle, from);
    budget -= Math.max(0, (at < 0 ? text.length : at + needle.length) - from);
    return at;
  };
  let sourceCursor = 0;

  for (const figure of figures) {
    if (budget <= 0) break;
    if (!figure.mention) continue;
    const mention = escapeHtml(figure.mention);
    let from = 0;
    let limit = text.length;
    if (figure.sourceText) {
      const source = escapeHtml(figure.sourceText);
      if (!sources.has(source)) {
        let found = find(source, sourceCursor);
        if (found < 0 && sourceCursor > 0) found = find(source, 0);
        sources.set(source, found);
        if (found >= 0) sourceCursor = found;
      }
      const sourceAt = sources.get(source)!;
      if (sourceAt >= 0) {
        from = sourceAt;
        limit = sourceAt + source.length;
      }
    }
    let at = find(mention, from);
    for (let blocking = at >= 0 ? overlapping(taken, at, at + mention.length) : null; blocking;) {
      at = find(mention, blocking.end);
      blocking = at >= 0 && at + mention.length <= limit ? overlapping(taken, at, at + mention.length) : null;
    }
    if (at >= 0 && at + mention.length <= limit)
      taken.splice(firstEndingAfter(taken, at), 0, { start: at, end: at + mention.length, figure });
  }

  let out = "";
  let cursor = 0;
  for (const { start, end, figure } of taken) {
    const cls = figure.isRecord ? "fig fig-record" : "fig";
    const title = escapeHtml(`${figure.label}：${figure.display}`);
    out += html.slice(cursor, start);
    out += `<data class="${cls}" value="${escapeHtml(figure.baseValue)}" data-key="${escapeHtml(figure.key)}" title="${title}">${html.slice(start, end)}</data>`;
    cursor = end;
  }
  return out + html.slice(cursor);
}

/** The html with every tag (from "<" to its ">") replaced by "<" characters: same length, same positions. */
function blankTags(html: string): string {
  const codes = new Uint16Array(html.length);
  let inTag = false;
  for (let i = 0; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (c === 0x3c) inTag = true;
    codes[i] = inTag ? 0x3c : c;
    if (c === 0x3e) inTag = false;
  }
  return new TextDecoder("utf-16le").decode(codes);
}

/** Index of the first span (sorted, never overlapping, so ends are sorted too) that ends after `position`. */
function firstEndingAfter(spans: Span[], position: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spans[mid].end <= position) low = mid + 1;
    else high = mid;
  }
  return low;
}

function overlapping(spans: Span[], start: number, end: number): Span | null {
  const candidate = spans[firstEndingAfter(spans, start)];
  return candidate && candidate.start < end ? candidate : null;
}
