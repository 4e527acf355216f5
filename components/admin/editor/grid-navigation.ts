// Where a key press in the figure grid leads: spreadsheet habits (Enter goes down, arrows move
// between cells once the caret is at the edge of the text), Alt+↑/↓ moves the row itself.
// Pure, so the rules are tested without a browser.

/** The columns edited inline, in screen order; everything else is in the side panel. */
export const GRID_COLUMNS = ["label", "value", "unit", "qualifier", "key"] as const;
export type GridColumn = (typeof GRID_COLUMNS)[number];

export interface GridCell {
  row: number;
  col: number;
}

export interface GridKeyPress {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  /** The caret is at the start / end of the cell's text (always true for a select). */
  atStart: boolean;
  atEnd: boolean;
  /** A select keeps ↑/↓ for choosing its value. */
  isSelect: boolean;
}

export type GridAction =
  { type: "focus"; cell: GridCell } | { type: "move-row"; from: number; to: number; col: number } | null;

export function gridKeyAction(cell: GridCell, rowCount: number, press: GridKeyPress): GridAction {
  const { row, col } = cell;
  const focus = (r: number, c: number): GridAction =>
    r >= 0 && r < rowCount && c >= 0 && c < GRID_COLUMNS.length
      ? { type: "focus", cell: { row: r, col: c } }
      : null;
  if (press.ctrlKey || press.metaKey) return null;
  const vertical = press.key === "ArrowUp" ? -1 : press.key === "ArrowDown" ? 1 : 0;
  if (press.altKey) {
    const to = row + vertical;
    return vertical && to >= 0 && to < rowCount ? { type: "move-row", from: row, to, col } : null;
  }
  if (vertical) return press.isSelect ? null : focus(row + vertical, col);
  switch (press.key) {
    case "Enter":
      return focus(row + (press.shiftKey ? -1 : 1), col);
    case "ArrowLeft":
      return press.atStart && !press.shiftKey ? focus(row, col - 1) : null;
    case "ArrowRight":
      return press.atEnd && !press.shiftKey ? focus(row, col + 1) : null;
    default:
      return null;
  }
}

/** A copy of the list with one item moved from one place to another. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}
