"use client";

import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type Ref,
} from "react";
import { emptyFigure, type FigureForm } from "@/lib/releases/editor-form";
import type { RegistryKey } from "@/lib/figures/figure-from-text";
import { freshFigureKey } from "@/lib/figures/figure-from-text";
import { DETAIL_FIELDS } from "./error-order";
import { FigureDetails } from "./FigureDetails";
import { COLUMN_LABELS, UNIT_SUGGESTIONS } from "./figure-cells";
import { FigureRow, type DragHandlers } from "./FigureRow";
import { GRID_COLUMNS, gridKeyAction, moveItem, type GridColumn } from "./grid-navigation";

export interface FigureGridHandle {
  /** Shows one field of one figure: its cell, or the side panel opened on it. */
  focusField(index: number, field: string): void;
}

interface Props {
  figures: FigureForm[];
  onChange: (figures: FigureForm[]) => void;
  errors: Record<string, string>;
  registry: RegistryKey[] | null;
  onNeedRegistry: () => void;
  ref?: Ref<FigureGridHandle>;
}

const UNDO_DEPTH = 20;

const cellSelector = (row: number, col: number) => `[data-row="${row}"][data-col="${col}"]`;

/** The figures of a release as a compact grid: one row each, details of the chosen one in a side panel. */
export function FigureGrid({ figures, onChange, errors, registry, onNeedRegistry, ref }: Props) {
  const table = useRef<HTMLTableElement>(null);
  const [open, setOpen] = useState<number | null>(null);
  const [deleted, setDeleted] = useState<Array<{ figure: FigureForm; index: number }>>([]);
  const [announcement, setAnnouncement] = useState("");
  const [suggestions, setSuggestions] = useState(false);
  const dragFrom = useRef<number | null>(null);
  // Row callbacks stay the same between renders (rows are memoised): they read the latest list here.
  const latest = useRef({ figures, onChange });
  useEffect(() => {
    latest.current = { figures, onChange };
  });

  // Focus goes where a change asked for once React has drawn it: an update started after an await
  // (a refused save, 标为数据) is drawn later than the next frame, so every commit tries again, for
  // a second at most (a target that never appears must not steal the focus later).
  const pendingFocus = useRef<{ selector: string; until: number } | null>(null);
  const tryFocus = useCallback(() => {
    const pending = pendingFocus.current;
    if (!pending) return;
    const target = document.querySelector<HTMLElement>(pending.selector);
    if (!target) {
      if (performance.now() > pending.until) pendingFocus.current = null;
      return;
    }
    pendingFocus.current = null;
    target.focus();
    target.scrollIntoView({ block: "nearest" });
  }, []);
  useEffect(() => tryFocus());
  const focusLater = useCallback(
    (selector: string) => {
      pendingFocus.current = { selector, until: performance.now() + 1000 };
      requestAnimationFrame(tryFocus);
    },
    [tryFocus],
  );

  const update = useCallback((index: number, patch: Partial<FigureForm>) => {
    const { figures: list, onChange: emit } = latest.current;
    emit(list.map((f, i) => (i === index ? { ...f, ...patch } : f)));
  }, []);

  const move = useCallback(
    (from: number, to: number, col: number | null) => {
      const { figures: list, onChange: emit } = latest.current;
      if (to < 0 || to >= list.length || from === to) return;
      emit(moveItem(list, from, to));
      setOpen((o) =>
        o === from
          ? to
          : o === null
            ? null
            : moveItem(
                list.map((_, i) => i),
                from,
                to,
              ).indexOf(o),
      );
      setAnnouncement(`“${list[from].label || "未命名"}”已移到第 ${to + 1} 项`);
      focusLater(col === null ? `[data-handle="${to}"]` : cellSelector(to, col));
    },
    [focusLater],
  );

  const remove = useCallback(
    (index: number) => {
      const { figures: list, onChange: emit } = latest.current;
      const figure = list[index];
      emit(list.filter((_, i) => i !== index));
      setDeleted((d) => [...d.slice(-(UNDO_DEPTH - 1)), { figure, index }]);
      setOpen((o) => (o === null || o === index ? null : o > index ? o - 1 : o));
      setAnnouncement(`已删除第 ${index + 1} 项“${figure.label || "未命名"}”`);
      focusLater("[data-undo]");
    },
    [focusLater],
  );

  const undo = () => {
    const last = deleted.at(-1);
    if (!last) return;
    const index = Math.min(last.index, figures.length);
    onChange([...figures.slice(0, index), last.figure, ...figures.slice(index)]);
    setDeleted(deleted.slice(0, -1));
    setAnnouncement(`已恢复第 ${index + 1} 项“${last.figure.label || "未命名"}”`);
    focusLater(cellSelector(index, 0));
  };

  const add = () => {
    const used = new Set(figures.map((f) => f.key));
    onChange([...figures, { ...emptyFigure(figures.length), key: freshFigureKey(used, figures.length + 1) }]);
    focusLater(cellSelector(figures.length, 0));
  };

  const drag = useMemo<DragHandlers>(
    () => ({
      start: (index) => (dragFrom.current = index),
      end: () => (dragFrom.current = null),
      over: (event) => {
        if (dragFrom.current !== null) event.preventDefault();
      },
      drop: (event, index) => {
        event.preventDefault();
        if (dragFrom.current !== null) move(dragFrom.current, index, null);
        dragFrom.current = null;
      },
    }),
    [move],
  );

  const onCellKeyDown = useCallback(
    (event: KeyboardEvent<HTMLInputElement | HTMLSelectElement>, row: number, col: number) => {
      const target = event.currentTarget;
      const isSelect = target instanceof HTMLSelectElement;
      const text = isSelect ? "" : target.value;
      const caretStart = isSelect ? 0 : (target.selectionStart ?? 0);
      const caretEnd = isSelect ? 0 : (target.selectionEnd ?? text.length);
      const action = gridKeyAction({ row, col }, latest.current.figures.length, {
        key: event.key,
        shiftKey: event.shiftKey,
        altKey: event.altKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        atStart: caretStart === 0 && caretEnd === 0,
        atEnd: caretStart === text.length && caretEnd === text.length,
        isSelect,
      });
      if (!action) return;
      event.preventDefault();
      if (action.type === "move-row") move(action.from, action.to, action.col);
      else focusLater(cellSelector(action.cell.row, action.cell.col));
    },
    [move, focusLater],
  );

  const openDetails = useCallback(
    (index: number, field?: string) => {
      setOpen(index);
      focusLater(field ? `[name="figures.${index}.${field}"]` : "#figure-details [name]");
    },
    [focusLater],
  );

  useImperativeHandle(
    ref,
    () => ({
      focusField(index, field) {
        const col = GRID_COLUMNS.indexOf(field as GridColumn);
        if (col >= 0) focusLater(cellSelector(index, col));
        else openDetails(index, (DETAIL_FIELDS as readonly string[]).includes(field) ? field : undefined);
      },
    }),
    [focusLater, openDetails],
  );

  const showSuggestions = () => {
    if (suggestions) return;
    setSuggestions(true);
    onNeedRegistry();
  };

  return (
    <div className="figure-grid" onFocusCapture={showSuggestions}>
      <p className="figure-grid__hint muted" id="figure-grid-hint">
        Enter 到下一行，方向键在格子间移动，Alt+↑/↓ 或拖动序号调整顺序；其余字段点“详情”。
      </p>
      {figures.length === 0 ? (
        <p className="muted">
          还没有数据。点“添加数据”录入第一项，例如“1.6万名 参会嘉宾”，或在正文中选中数字后点“标为数据”。
        </p>
      ) : (
        <table className="figure-grid__table" ref={table} aria-describedby="figure-grid-hint">
          <thead>
            <tr>
              <th scope="col" className="figure-grid__num">
                <span className="visually-hidden">序号</span>
              </th>
              {GRID_COLUMNS.map((c) => (
                <th scope="col" key={c} className={`figure-grid__col--${c}`}>
                  {COLUMN_LABELS[c]}
                </th>
              ))}
              <th scope="col" className="figure-grid__col--preview">
                显示为
              </th>
              <th scope="col" className="figure-grid__col--actions">
                <span className="visually-hidden">操作</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {figures.map((figure, index) => (
              <FigureRow
                key={index}
                index={index}
                count={figures.length}
                figure={figure}
                errors={rowErrors(errors, index)}
                open={open === index}
                onUpdate={update}
                onMove={move}
                onRemove={remove}
                onOpen={openDetails}
                onCellKeyDown={onCellKeyDown}
                onDrag={drag}
              />
            ))}
          </tbody>
        </table>
      )}
      {suggestions && (
        <>
          <datalist id="figure-units">
            {UNIT_SUGGESTIONS.map((u) => (
              <option key={u} value={u} />
            ))}
          </datalist>
          <datalist id="figure-keys">
            {(registry ?? []).map((k) => (
              <option key={k.key} value={k.key}>
                {k.label}
              </option>
            ))}
          </datalist>
        </>
      )}
      <div className="figure-grid__footer">
        <button type="button" className="button button--secondary" onClick={add}>
          添加数据
        </button>
        <span role="status" aria-live="polite" className="figure-grid__status">
          {announcement}
        </span>
        {deleted.length > 0 && (
          <button type="button" className="link-button" data-undo onClick={undo}>
            撤销删除“{deleted.at(-1)!.figure.label || "未命名"}”
          </button>
        )}
      </div>
      {open !== null && figures[open] && (
        <FigureDetails
          index={open}
          figure={figures[open]}
          errors={rowErrors(errors, open)}
          onUpdate={update}
          onClose={() => {
            const index = open;
            setOpen(null);
            focusLater(`[data-details="${index}"]`);
          }}
        />
      )}
    </div>
  );
}

/** This row's messages, keyed by field ("value"), so an unchanged row keeps the same props. */
function rowErrors(errors: Record<string, string>, index: number): Record<string, string> | undefined {
  const prefix = `figures.${index}.`;
  let found: Record<string, string> | undefined;
  for (const [path, message] of Object.entries(errors))
    if (path.startsWith(prefix)) (found ??= {})[path.slice(prefix.length)] = message;
  return found;
}
