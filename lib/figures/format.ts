import type { FigureQualifier } from "../generated/prisma/enums";
import { normalizeDecimal } from "./decimal";
import { QUALIFIERS, qualifierPosition, qualifierWord } from "./qualifiers";

export interface FigureLike {
  value: string;
  unit: string;
  qualifier: FigureQualifier;
  qualifierWord?: string | null;
}

export interface FigureParts {
  before: string;
  number: string;
  after: string;
  unit: string;
}

/** The pieces of a figure as Chinese text writes it: 约|4.8|万篇(条), 3000|余|件. */
export function figureParts(figure: FigureLike): FigureParts {
  const word = qualifierWord(figure.qualifier, figure.qualifierWord);
  const position = qualifierPosition(figure.qualifier, word);
  return {
    before: position === "before" ? word : "",
    number: normalizeDecimal(figure.value),
    after: position === "after" ? word : "",
    unit: figure.unit,
  };
}

/** "1.6万名", "3000余件", "约4.8万篇(条)", "超3000万人次". */
export function formatFigure(figure: FigureLike): string {
  const p = figureParts(figure);
  return `${p.before}${p.number}${p.after}${p.unit}`;
}

/** The amount in plain digits with the base unit, for screen readers and data: "16,000 名". */
export function formatBaseFigure(figure: {
  baseValue: string;
  baseUnit: string;
  qualifier: FigureQualifier;
}): string {
  const base = { value: figure.baseValue, unit: figure.baseUnit };
  const [whole, fraction] = base.value.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const word = figure.qualifier === "exact" ? "" : `${QUALIFIERS[figure.qualifier].label.split("/")[0]} `;
  return `${word}${fraction ? `${grouped}.${fraction}` : grouped} ${base.unit}`.trim();
}
