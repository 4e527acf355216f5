import { stringify } from "csv-stringify/sync";
import type { PublicFigure } from "../releases/public-dto";

const COLUMNS = [
  "key",
  "label",
  "display",
  "value",
  "unit",
  "base_value",
  "base_unit",
  "qualifier",
  "section",
  "highlighted",
  "record",
  "record_note",
  "source_text",
];

// A plain decimal number, as the value columns hold it: a spreadsheet reads it as a number, never a formula.
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
// What Excel, LibreOffice and Sheets take as the start of a formula (OWASP "CSV Injection"), with the
// full-width forms Apple Numbers normalises.
// At the start, after leading white space, or after a ; or tab (a spreadsheet in a locale whose
// separator is ; splits the cell there and reads what follows as a cell of its own).
const FORMULA_START = /(^|[;\t])\s*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A cell a spreadsheet shows as the text it is: a leading formula character gets a `'` before it. */
export function csvSafeCell(value: string): string {
  if (PLAIN_NUMBER.test(value) || !FORMULA_START.test(value)) return value;
  // A separator inside the cell would start a new one in such a locale: it goes too.
  return `'${value.replace(/;/g, "；")}`;
}

/** A release's figures as CSV (UTF-8 with BOM, so Excel reads Chinese); labels and notes come from editors, so no cell can run as a formula. */
export function figuresToCsv(figures: PublicFigure[]): string {
  const rows = figures.map((f) => [
    f.key,
    f.label,
    f.display,
    f.value,
    f.unit,
    f.baseValue,
    f.baseUnit,
    f.qualifier,
    f.section ?? "",
    f.highlighted ? "true" : "false",
    f.isRecord ? "true" : "false",
    f.recordNote ?? "",
    f.sourceText ?? "",
  ]);
  return (
    "\uFEFF" + stringify([COLUMNS, ...rows], { record_delimiter: "\r\n", cast: { string: csvSafeCell } })
  );
}
