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

/**
 * Wraps each figure's words in the body in <data value="…">, so readers (and machines) can tell a
 * figure from prose: "1.6万名" becomes <data value="16000" …>1.6万名</data>. A mention is looked for
 * inside its source sentence first, so a number written twice is marked where the figure comes from.
 */
export function markFigures(html: string, figures: MarkableFigure[]): string {
  const taken: Array<{ start: number; end: number; figure: MarkableFigure }> = [];
  const overlaps = (start: number, end: number) => taken.some((t) => start < t.end && end > t.start);

  for (const figure of figures) {
    if (!figure.mention) continue;
    const mention = escapeHtml(figure.mention);
    const source = figure.sourceText ? escapeHtml(figure.sourceText) : null;
    let from = 0;
    let limit = html.length;
    const sourceAt = source ? html.indexOf(source) : -1;
    if (source && sourceAt >= 0) {
      from = sourceAt;
      limit = sourceAt + source.length;
    }
    let at = html.indexOf(mention, from);
    while (at >= 0 && at + mention.length <= limit && (overlaps(at, at + mention.length) || insideTag(html, at))) {
      at = html.indexOf(mention, at + 1);
    }
    if (at >= 0 && at + mention.length <= limit) taken.push({ start: at, end: at + mention.length, figure });
  }

  taken.sort((a, b) => a.start - b.start);
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

function insideTag(html: string, index: number): boolean {
  return html.lastIndexOf("<", index) > html.lastIndexOf(">", index);
}
