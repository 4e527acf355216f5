import type { FigureQualifier } from "../generated/prisma/enums";
import { normalizeDecimal, shiftDecimal } from "./decimal";
import type { FigureParts } from "./format";
import { QUALIFIERS } from "./qualifiers";
import { englishUnit } from "./units-en";

// Intl.NumberFormat formats a decimal string exactly (no float on the way), so the stored base value
// is what English readers see, only regrouped: 342500000000 元 -> "342.5 billion yuan".
const numberFormat = new Intl.NumberFormat("en", { maximumFractionDigits: 20 });
// normalizeDecimal has checked the text is a plain decimal, the StringNumericLiteral Intl reads exactly.
const formatDecimal = (decimal: string) => numberFormat.format(decimal as `${number}`);

// English short scale. Below a million the number is written out in full ("359,000 visits").
const SCALES: ReadonlyArray<readonly [word: string, exponent: number]> = [
  ["trillion", 12],
  ["billion", 9],
  ["million", 6],
];

export interface EnglishFigureInput {
  /** The stored amount in its base unit, a decimal string ("342500000000"). */
  baseValue: string;
  baseUnit: string;
  qualifier: FigureQualifier;
}

/** The amount alone: "342.5 billion", "16,000", "13.828 million". */
export function formatEnglishAmount(baseValue: string): { text: string; scaled: boolean } {
  const value = normalizeDecimal(baseValue);
  const digits = value.replace(/^-/, "").split(".")[0].length;
  for (const [word, exponent] of SCALES) {
    if (digits > exponent)
      return { text: `${formatDecimal(shiftDecimal(value, -exponent))} ${word}`, scaled: true };
  }
  return { text: formatDecimal(value), scaled: false };
}

/** The pieces of an English figure, as FigureValue shows them: "about " | "342.5 billion" | "" | " yuan". */
export function formatFigureEnParts(figure: EnglishFigureInput): FigureParts {
  const amount = formatEnglishAmount(figure.baseValue);
  const unit = englishUnit(figure.baseUnit);
  const singular = !amount.scaled && normalizeDecimal(figure.baseValue) === "1";
  const unitWord = singular ? unit.one : unit.other;
  return {
    before: figure.qualifier === "exact" ? "" : `${QUALIFIERS[figure.qualifier].labelEn} `,
    number: amount.text,
    after: "",
    unit: unitWord === "%" ? "%" : unitWord ? ` ${unitWord}` : "",
  };
}

/** A figure for English readers: "about 342.5 billion yuan", "more than 3,000", "12.5%". */
export function formatFigureEn(figure: EnglishFigureInput): string {
  const p = formatFigureEnParts(figure);
  return `${p.before}${p.number}${p.after}${p.unit}`;
}

/** A figure's English label: its own, else its key's, else the Chinese one (better than nothing). */
export function englishFigureLabel(figure: {
  label: string;
  labelEn: string | null;
  keyLabelEn: string | null;
}): string {
  return figure.labelEn?.trim() || figure.keyLabelEn?.trim() || figure.label;
}
