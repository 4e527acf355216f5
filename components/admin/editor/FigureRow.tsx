"use client";

import { memo, type KeyboardEvent } from "react";
import { parseFigureText } from "@/lib/figures/parse";
import type { FigureForm } from "@/lib/releases/editor-form";
import { DETAIL_FIELDS } from "./error-order";
import { COLUMN_LABELS, figurePreview, QUALIFIER_OPTIONS } from "./figure-cells";
import { GRID_COLUMNS, type GridColumn } from "./grid-navigation";

interface RowProps {
  index: number;
  count: number;
  figure: FigureForm;
  errors: Record<string, string> | undefined;
  open: boolean;
  onUpdate: (index: number, patch: Partial<FigureForm>) => void;
  onMove: (from: number, to: number, col: number | null) => void;
  onRemove: (index: number) => void;
  onOpen: (index: number) => void;
  onCellKeyDown: (
    event: KeyboardEvent<HTMLInputElement | HTMLSelectElement>,
    row: number,
    col: number,
  ) => void;
  onDrag: DragHandlers;
}

export interface DragHandlers {
  start: (index: number) => void;
  end: () => void;
  over: (event: React.DragEvent) => void;
  drop: (event: React.DragEvent, index: number) => void;
}

/** One figure as a row of the grid: its number (drag handle), five cells, preview, details and delete. */
export const FigureRow = memo(function FigureRow({
  index,
  count,
  figure,
  errors,
  open,
  onUpdate,
  onMove,
  onRemove,
  onOpen,
  onCellKeyDown,
  onDrag,
}: RowProps) {
  const n = index + 1;
  const detailErrors = DETAIL_FIELDS.filter((f) => errors?.[f]).length;
  const cell = (col: number, field: GridColumn, control: (props: CellProps) => React.ReactNode) => {
    const message = errors?.[field];
    const errorId = `figures.${index}.${field}-error`;
    return (
      <td className={message ? `figure-grid__cell figure-grid__cell--error` : "figure-grid__cell"}>
        {control({
          name: `figures.${index}.${field}`,
          "aria-label": `${COLUMN_LABELS[field]}（第 ${n} 项）`,
          "aria-invalid": Boolean(message),
          "aria-describedby": message ? errorId : undefined,
          "data-row": index,
          "data-col": col,
          onKeyDown: (e: KeyboardEvent<HTMLInputElement | HTMLSelectElement>) => onCellKeyDown(e, index, col),
        })}
        {message && (
          <em className="field-error" id={errorId}>
            {message}
          </em>
        )}
      </td>
    );
  };
  const text = (
    field: "label" | "value" | "unit" | "key",
    extra: React.InputHTMLAttributes<HTMLInputElement> = {},
  ) =>
    cell(GRID_COLUMNS.indexOf(field), field, (props) => (
      <input
        {...props}
        {...extra}
        value={figure[field]}
        onChange={(e) => onUpdate(index, { [field]: e.target.value })}
      />
    ));
  return (
    <tr
      data-testid="figure-row"
      className={open ? "figure-grid__row figure-grid__row--open" : "figure-grid__row"}
      onDragOver={onDrag.over}
      onDrop={(e) => onDrag.drop(e, index)}
    >
      <td className="figure-grid__num">
        <button
          type="button"
          className="figure-grid__handle"
          data-handle={index}
          draggable
          aria-label={`第 ${n} 项，共 ${count} 项：拖动或按 ↑/↓ 调整顺序`}
          aria-keyshortcuts="ArrowUp ArrowDown Alt+ArrowUp Alt+ArrowDown"
          onDragStart={(e) => {
            onDrag.start(index);
            e.dataTransfer.effectAllowed = "move";
            e.dataTransfer.setData("text/plain", String(n));
          }}
          onDragEnd={onDrag.end}
          onKeyDown={(e) => {
            const by = e.key === "ArrowUp" ? -1 : e.key === "ArrowDown" ? 1 : 0;
            if (!by) return;
            e.preventDefault();
            onMove(index, index + by, null);
          }}
        >
          {n}
        </button>
      </td>
      {text("label")}
      {text("value", {
        inputMode: "decimal",
        onBlur: (e) => {
          // "约4.8万篇(条)" typed whole is split into qualifier, number and unit.
          const parsed = parseFigureText(e.target.value);
          if (parsed && parsed.unit)
            onUpdate(index, {
              value: parsed.value,
              unit: parsed.unit,
              qualifier: parsed.qualifier,
              qualifierWord: parsed.qualifierWord ?? "",
            });
        },
      })}
      {text("unit", { list: "figure-units" })}
      {cell(GRID_COLUMNS.indexOf("qualifier"), "qualifier", (props) => (
        <select
          {...props}
          value={figure.qualifier}
          onChange={(e) =>
            onUpdate(index, { qualifier: e.target.value as FigureForm["qualifier"], qualifierWord: "" })
          }
        >
          {QUALIFIER_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ))}
      {text("key", { list: "figure-keys", spellCheck: false, autoCapitalize: "off" })}
      <td className="figure-grid__preview">{figurePreview(figure)}</td>
      <td className="figure-grid__actions">
        <button
          type="button"
          data-details={index}
          className={
            detailErrors ? "figure-grid__details figure-grid__details--error" : "figure-grid__details"
          }
          aria-expanded={open}
          aria-controls={open ? "figure-details" : undefined}
          aria-label={`第 ${n} 项详情${detailErrors ? `（${detailErrors} 处错误）` : ""}`}
          onClick={() => onOpen(index)}
        >
          详情{detailErrors ? "！" : ""}
        </button>
        <button type="button" aria-label={`删除第 ${n} 项`} onClick={() => onRemove(index)}>
          删除
        </button>
      </td>
    </tr>
  );
});

type CellProps = {
  name: string;
  "aria-label": string;
  "aria-invalid": boolean;
  "aria-describedby": string | undefined;
  "data-row": number;
  "data-col": number;
  onKeyDown: (e: KeyboardEvent<HTMLInputElement | HTMLSelectElement>) => void;
};
