import { GRID_COLUMNS } from "./grid-navigation";

// After a refused save the editor goes to the first problem as the page shows it: the fields top
// to bottom, and inside the figures row by row, cells left to right, then the side panel's fields.

const PAGE_ORDER = ["title", "slug", "summary", "body", "figures"];
export const DETAIL_FIELDS = [
  "qualifierWord",
  "section",
  "partOfKey",
  "partsComplete",
  "shareOfKey",
  "labelEn",
  "highlighted",
  "isRecord",
  "recordNote",
  "mention",
  "sourceText",
  "declaredUnit",
] as const;
const FIGURE_ORDER: readonly string[] = [...GRID_COLUMNS, ...DETAIL_FIELDS];

/** "figures.12.value" -> { index: 12, field: "value" }; anything else -> null. */
export function figureErrorPath(path: string): { index: number; field: string } | null {
  const match = /^figures\.(\d+)\.(\w+)$/.exec(path);
  return match ? { index: Number(match[1]), field: match[2] } : null;
}

function rank(path: string): number[] {
  const figure = figureErrorPath(path);
  const top = path.split(".")[0];
  const page = PAGE_ORDER.indexOf(top);
  const pageRank = page >= 0 ? page : PAGE_ORDER.length;
  if (!figure) return [pageRank, -1, -1];
  const field = FIGURE_ORDER.indexOf(figure.field);
  return [pageRank, figure.index, field >= 0 ? field : FIGURE_ORDER.length];
}

/** The error path the editor should show first, or null when there is none. */
export function firstErrorPath(errors: Record<string, string>): string | null {
  const paths = Object.keys(errors);
  if (!paths.length) return null;
  return paths.reduce((best, path) => {
    const a = rank(path);
    const b = rank(best);
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? path : best;
    return best;
  });
}
