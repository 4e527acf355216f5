import { normalizeDecimal } from "../figures/decimal";

type FigureValue = {
  key: string;
  value: { toString(): string } | string;
  unitScale: { toString(): string } | string;
  baseUnit: string;
  qualifier: string;
};

// What a translation states about a figure: its amount, unit and qualifier. A relabelling or a
// reordering leaves a translation current; a new, removed or changed amount does not.
const fingerprint = (f: FigureValue) =>
  `${f.key}|${normalizeDecimal(f.value.toString())}|${normalizeDecimal(f.unitScale.toString())}|${f.baseUnit}|${f.qualifier}`;

/** Whether two sets of figures state different amounts (order and labels aside). */
export function figureValuesDiffer(before: readonly FigureValue[], after: readonly FigureValue[]): boolean {
  const a = before.map(fingerprint).sort();
  const b = after.map(fingerprint).sort();
  return a.length !== b.length || a.some((v, i) => v !== b[i]);
}
