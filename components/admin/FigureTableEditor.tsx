"use client";

import { formatFigure } from "@/lib/figures/format";
import { parseFigureText } from "@/lib/figures/parse";
import { QUALIFIERS } from "@/lib/figures/qualifiers";
import { isDecimalString } from "@/lib/figures/decimal";
import { emptyFigure, type FigureForm } from "@/lib/releases/editor-form";

interface Props {
  figures: FigureForm[];
  onChange: (figures: FigureForm[]) => void;
  errors: Record<string, string>;
}

const QUALIFIER_OPTIONS = (Object.keys(QUALIFIERS) as Array<FigureForm["qualifier"]>).map((q) => ({
  value: q,
  label: q === "exact" ? "准确值" : QUALIFIERS[q].label,
}));

function preview(f: FigureForm): string {
  return isDecimalString(f.value)
    ? formatFigure({
        value: f.value,
        unit: f.unit,
        qualifier: f.qualifier,
        qualifierWord: f.qualifierWord || null,
      })
    : "—";
}

/** The figures of a release: add, edit, reorder, delete, with each row's own error messages. */
export function FigureTableEditor({ figures, onChange, errors }: Props) {
  const update = (index: number, patch: Partial<FigureForm>) =>
    onChange(figures.map((f, i) => (i === index ? { ...f, ...patch } : f)));
  const move = (index: number, by: number) => {
    const next = [...figures];
    const [row] = next.splice(index, 1);
    next.splice(index + by, 0, row);
    onChange(next);
  };
  const error = (index: number, field: string) => errors[`figures.${index}.${field}`];
  const input = (
    index: number,
    field: keyof FigureForm,
    label: string,
    props: React.InputHTMLAttributes<HTMLInputElement> = {},
  ) => {
    const message = error(index, field);
    const id = `fig-${index}-${field}`;
    return (
      <label className={message ? "field field--error" : "field"} htmlFor={id}>
        <span>{label}</span>
        <input
          id={id}
          value={String(figures[index][field] ?? "")}
          aria-invalid={Boolean(message)}
          aria-describedby={message ? `${id}-error` : undefined}
          onChange={(e) => update(index, { [field]: e.target.value })}
          {...props}
        />
        {message && (
          <em id={`${id}-error`} className="field-error">
            {message}
          </em>
        )}
      </label>
    );
  };
  const check = (index: number, field: "highlighted" | "isRecord" | "declaredUnit", label: string) => (
    <label className="check">
      <input
        type="checkbox"
        checked={figures[index][field]}
        onChange={(e) => update(index, { [field]: e.target.checked })}
      />
      {label}
    </label>
  );

  return (
    <div className="figure-editor">
      {figures.length === 0 && (
        <p className="muted">还没有数据。点“添加数据”录入第一项，例如“1.6万名 参会嘉宾”。</p>
      )}
      <ol>
        {figures.map((f, i) => (
          <li key={i} className="figure-editor__row" data-testid="figure-row">
            <div className="figure-editor__head">
              <strong>
                {i + 1}. {f.label || "（未命名）"}
              </strong>
              <span className="figure-editor__preview" aria-label="显示为">
                {preview(f)}
              </span>
              <span className="figure-editor__actions">
                <button
                  type="button"
                  onClick={() => move(i, -1)}
                  disabled={i === 0}
                  aria-label={`上移第 ${i + 1} 项`}
                >
                  ↑
                </button>
                <button
                  type="button"
                  onClick={() => move(i, 1)}
                  disabled={i === figures.length - 1}
                  aria-label={`下移第 ${i + 1} 项`}
                >
                  ↓
                </button>
                <button
                  type="button"
                  onClick={() => onChange(figures.filter((_, j) => j !== i))}
                  aria-label={`删除第 ${i + 1} 项`}
                >
                  删除
                </button>
              </span>
            </div>
            <div className="figure-editor__grid">
              {input(i, "label", "指标名称")}
              {input(i, "key", "标识（跨届比较用）")}
              {input(i, "value", "数值", {
                inputMode: "decimal",
                onBlur: (e) => {
                  // "约4.8万篇(条)" typed whole is split into qualifier, number and unit.
                  const parsed = parseFigureText(e.target.value);
                  if (parsed && parsed.unit)
                    update(i, {
                      value: parsed.value,
                      unit: parsed.unit,
                      qualifier: parsed.qualifier,
                      qualifierWord: parsed.qualifierWord ?? "",
                    });
                },
              })}
              {input(i, "unit", "单位（如 万人次、亿元）")}
              <label className="field">
                <span>限定</span>
                <select
                  value={f.qualifier}
                  onChange={(e) =>
                    update(i, { qualifier: e.target.value as FigureForm["qualifier"], qualifierWord: "" })
                  }
                >
                  {QUALIFIER_OPTIONS.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </label>
              {input(i, "qualifierWord", "限定词（可选）")}
              {input(i, "section", "板块")}
              {input(i, "partOfKey", "所属指标（标识）")}
              {input(i, "mention", "原文写法")}
              {input(i, "sourceText", "原文句子")}
              {f.isRecord && input(i, "recordNote", "纪录说明")}
            </div>
            <div className="figure-editor__checks">
              {check(i, "highlighted", "放入成果速览")}
              {check(i, "isRecord", "纪录（历届之最）")}
              {check(i, "declaredUnit", "新单位")}
            </div>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => onChange([...figures, emptyFigure(figures.length)])}
      >
        添加数据
      </button>
    </div>
  );
}
