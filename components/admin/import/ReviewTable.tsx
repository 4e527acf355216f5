"use client";

import { useRef, useState } from "react";
import type { FigureProposal } from "@/lib/import/analyze-release";
import { QUALIFIERS } from "@/lib/figures/qualifiers";

export type Row = FigureProposal & { status: "pending" | "accepted" | "rejected" };

const STATUS_LABEL: Record<Row["status"], string> = {
  pending: "待定",
  accepted: "已接受",
  rejected: "已拒绝",
};

/**
 * The proposed figures, one row each. Keyboard: j/k or ↓/↑ move, a accepts, r rejects, e or Enter
 * edits the label, h marks or unmarks a key figure, Shift+A accepts every pending row; value, unit,
 * qualifier and key are edited in their cells (Tab reaches them). Key figures are preselected where
 * the same key is a key figure of a public release, so 历届对比 shows for them once published. The
 * server checks every accepted row again when the draft is made.
 */
export function ReviewTable({ rows, onChange }: { rows: Row[]; onChange: (rows: Row[]) => void }) {
  const [active, setActive] = useState(0);
  const [editing, setEditing] = useState<number | null>(null);
  const table = useRef<HTMLTableElement>(null);

  const update = (index: number, change: Partial<Row>) =>
    onChange(rows.map((r, i) => (i === index ? { ...r, ...change } : r)));
  const move = (to: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, to));
    setActive(next);
    table.current?.querySelectorAll<HTMLTableRowElement>("tbody tr")[next]?.focus();
  };

  function onKeyDown(event: React.KeyboardEvent) {
    if (
      editing !== null ||
      event.target instanceof HTMLInputElement ||
      event.target instanceof HTMLSelectElement
    )
      return;
    const key = event.key;
    if (key === "j" || key === "ArrowDown") move(active + 1);
    else if (key === "k" || key === "ArrowUp") move(active - 1);
    else if (key === "A")
      onChange(rows.map((r) => (r.status === "pending" ? { ...r, status: "accepted" } : r)));
    else if (key === "a") {
      update(active, { status: "accepted" });
      move(active + 1);
    } else if (key === "r") {
      update(active, { status: "rejected" });
      move(active + 1);
    } else if (key === "h") update(active, { highlighted: !rows[active].highlighted });
    else if (key === "e" || key === "Enter") setEditing(active);
    else return;
    event.preventDefault();
  }

  return (
    <div className="import-table-wrap">
      <p className="hint" id="import-keys">
        键盘：j/k 或 ↑/↓ 移动，a 接受，r 拒绝，e 或 Enter 编辑，h 关键数据，Shift+A 全部接受
      </p>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => onChange(rows.map((r) => (r.status === "pending" ? { ...r, status: "accepted" } : r)))}
      >
        全部接受
      </button>
      <table ref={table} className="import-table" aria-describedby="import-keys" onKeyDown={onKeyDown}>
        <thead>
          <tr>
            <th scope="col">指标</th>
            <th scope="col">数值</th>
            <th scope="col">单位</th>
            <th scope="col">限定</th>
            <th scope="col">标识</th>
            <th scope="col">关键</th>
            <th scope="col">纪录</th>
            <th scope="col">可信度</th>
            <th scope="col">状态</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr
              key={`${row.block}-${row.start}`}
              tabIndex={index === active ? 0 : -1}
              aria-selected={index === active}
              className={`import-row import-row--${row.status}`}
              onFocus={() => setActive(index)}
            >
              <td>
                {editing === index ? (
                  <input
                    aria-label="指标名称"
                    autoFocus
                    defaultValue={row.label}
                    onKeyDown={(e) => {
                      if (e.key === "Enter" || e.key === "Escape") {
                        if (e.key === "Enter")
                          update(index, { label: e.currentTarget.value.trim(), status: "accepted" });
                        setEditing(null);
                        move(index);
                      }
                    }}
                  />
                ) : (
                  row.label || <em>（未命名）</em>
                )}
              </td>
              <td>
                <input
                  className="import-cell import-cell--value"
                  aria-label={`“${row.label}”的数值`}
                  inputMode="decimal"
                  value={row.value}
                  onChange={(e) => update(index, { value: e.target.value.trim() })}
                />
              </td>
              <td>
                <input
                  className="import-cell import-cell--unit"
                  aria-label={`“${row.label}”的单位`}
                  value={row.unit}
                  onChange={(e) => update(index, { unit: e.target.value.trim() })}
                />
              </td>
              <td>
                <select
                  aria-label={`“${row.label}”的限定词`}
                  value={row.qualifier}
                  onChange={(e) =>
                    update(index, {
                      qualifier: e.target.value as Row["qualifier"],
                      // The text's own word belongs to the qualifier it was proposed with.
                      qualifierWord: null,
                    })
                  }
                >
                  {(Object.keys(QUALIFIERS) as Row["qualifier"][]).map((q) => (
                    <option key={q} value={q}>
                      {q === row.qualifier && row.qualifierWord ? row.qualifierWord : QUALIFIERS[q].label}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input
                  aria-label={`“${row.label}”的标识`}
                  value={row.key}
                  onChange={(e) => update(index, { key: e.target.value })}
                />
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`“${row.label}”为关键数据`}
                  checked={row.highlighted}
                  onChange={(e) => update(index, { highlighted: e.target.checked })}
                />
              </td>
              <td>{row.isRecord ? row.recordNote : ""}</td>
              <td>{Math.round(row.confidence * 100)}%</td>
              <td>{STATUS_LABEL[row.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
