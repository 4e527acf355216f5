"use client";

import { QUALIFIERS } from "@/lib/figures/qualifiers";
import type { FigureForm } from "@/lib/releases/editor-form";
import { CheckField, Field, TextAreaField, TextField } from "./Field";
import { figurePreview } from "./figure-cells";

type TextKey = "section" | "labelEn" | "partOfKey" | "shareOfKey" | "recordNote" | "mention";
type CheckKey = "partsComplete" | "highlighted" | "isRecord" | "declaredUnit";

/** Everything about one figure that the grid has no column for. */
export function FigureDetails({
  index,
  figure,
  errors,
  onUpdate,
  onClose,
}: {
  index: number;
  figure: FigureForm;
  errors: Record<string, string> | undefined;
  onUpdate: (index: number, patch: Partial<FigureForm>) => void;
  onClose: () => void;
}) {
  const name = (field: keyof FigureForm) => `figures.${index}.${field}`;
  const text = (
    field: TextKey,
    label: string,
    extra: Omit<React.InputHTMLAttributes<HTMLInputElement>, "value" | "onChange" | "name"> = {},
  ) => (
    <TextField
      name={name(field)}
      label={label}
      value={figure[field]}
      error={errors?.[field]}
      onValue={(v) => onUpdate(index, { [field]: v })}
      {...extra}
    />
  );
  const check = (field: CheckKey, label: string) => (
    <CheckField
      name={name(field)}
      label={label}
      checked={figure[field]}
      error={errors?.[field]}
      onChecked={(v) => onUpdate(index, { [field]: v })}
    />
  );
  const words = QUALIFIERS[figure.qualifier].words;
  return (
    <section
      id="figure-details"
      className="figure-details"
      role="dialog"
      aria-modal="false"
      aria-labelledby="figure-details-title"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <header className="figure-details__head">
        <h3 id="figure-details-title">
          第 {index + 1} 项：{figure.label || "（未命名）"}
        </h3>
        <button type="button" className="button button--secondary" onClick={onClose}>
          关闭
        </button>
      </header>
      <p className="figure-details__preview">
        显示为 <strong data-testid="figure-preview">{figurePreview(figure)}</strong>
      </p>
      {words.length > 1 && (
        <Field label="限定词" error={errors?.qualifierWord} errorId={`${name("qualifierWord")}-error`}>
          <select
            name={name("qualifierWord")}
            value={figure.qualifierWord}
            aria-invalid={Boolean(errors?.qualifierWord)}
            onChange={(e) => onUpdate(index, { qualifierWord: e.target.value })}
          >
            <option value="">默认（{words[0]}）</option>
            {words.slice(1).map((w) => (
              <option key={w} value={w}>
                {w}
              </option>
            ))}
          </select>
        </Field>
      )}
      {check("highlighted", "放入成果速览")}
      {check("isRecord", "纪录（历届之最）")}
      {figure.isRecord && text("recordNote", "纪录说明", { placeholder: "例如：创历史新高" })}
      {text("section", "板块")}
      {text("labelEn", "英文名称")}
      {text("partOfKey", "所属指标（标识）", { list: "figure-keys", spellCheck: false })}
      {check("partsComplete", "各组成部分相加等于本项")}
      {text("shareOfKey", "占比所指数据（标识，百分比用）", { list: "figure-keys", spellCheck: false })}
      {text("mention", "原文写法")}
      <TextAreaField
        name={name("sourceText")}
        label="原文句子"
        rows={3}
        value={figure.sourceText}
        error={errors?.sourceText}
        onValue={(sourceText) => onUpdate(index, { sourceText })}
      />
      {check("declaredUnit", "新单位（不在常用单位表中）")}
    </section>
  );
}
