import type { FigureQualifier } from "../generated/prisma/enums";
import { normalizeDecimal, shiftDecimal } from "../figures/decimal";
import { resolveUnit } from "../figures/units";

export interface SeedFigure {
  key: string;
  label: string;
  value: string;
  unit: string;
  qualifier?: FigureQualifier;
  qualifierWord?: string;
  section: string;
  highlighted?: boolean;
  record?: string;
  partOf?: string;
  mention: string;
  source: string;
}

/** A seed figure as the columns of a Figure row. */
export function seedFigureToRow(figure: SeedFigure, sortOrder: number) {
  const unit = resolveUnit(figure.unit);
  return {
    key: figure.key,
    label: figure.label,
    value: normalizeDecimal(figure.value),
    unit: unit.unit,
    unitScale: shiftDecimal("1", unit.exponent),
    baseUnit: unit.baseUnit,
    qualifier: figure.qualifier ?? "exact",
    qualifierWord: figure.qualifierWord ?? null,
    partOfKey: figure.partOf ?? null,
    section: figure.section,
    sortOrder,
    highlighted: figure.highlighted ?? false,
    isRecord: Boolean(figure.record),
    recordNote: figure.record ?? null,
    sourceText: figure.source,
    mention: figure.mention,
  };
}
