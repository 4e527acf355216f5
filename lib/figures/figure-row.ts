import type { FigureInput } from "./figure-input";
import { sanitizePlainText } from "../content/sanitize-body";
import { normalizeDecimal, shiftDecimal } from "./decimal";
import { resolveUnit } from "./units";

/** A figure as an editor, the seed or an import gives it (validated, or trusted seed data). */
export type FigureSource = Omit<FigureInput, "declaredUnit" | "partsComplete" | "shareOfKey" | "labelEn"> &
  Partial<Pick<FigureInput, "partsComplete" | "shareOfKey" | "labelEn">>;

/**
 * The columns of a Figure row, the one place that fixes its scale and base unit: the unit table
 * is read here, when the figure is written, and never again (readers use the stored scale).
 */
export function figureRow(f: FigureSource) {
  const unit = resolveUnit(f.unit);
  const text = (v: string | null) => (v === null ? null : sanitizePlainText(v));
  return {
    key: f.key,
    label: sanitizePlainText(f.label),
    value: normalizeDecimal(f.value),
    unit: unit.unit,
    unitScale: shiftDecimal("1", unit.exponent),
    baseUnit: unit.baseUnit,
    qualifier: f.qualifier,
    qualifierWord: f.qualifierWord,
    partOfKey: f.partOfKey,
    partsComplete: f.partsComplete ?? false,
    shareOfKey: f.shareOfKey ?? null,
    labelEn: f.labelEn == null ? null : sanitizePlainText(f.labelEn),
    section: text(f.section),
    highlighted: f.highlighted,
    isRecord: f.isRecord,
    recordNote: text(f.recordNote),
    sourceText: text(f.sourceText),
    mention: text(f.mention),
  };
}

export type FigureRow = ReturnType<typeof figureRow>;
