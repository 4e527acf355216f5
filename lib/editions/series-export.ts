import { stringify } from "csv-stringify/sync";
import { csvSafeCell } from "../figures/figures-csv";
import type { FigureSeries } from "./queries";

/** GET /api/figures/[key]: the shape machines read, newest edition first. */
export function figureSeriesJson(s: FigureSeries) {
  return {
    key: s.key,
    label: s.label,
    baseUnit: s.baseUnit,
    series: s.series.map((p) => ({
      edition: { year: p.edition.year, city: p.edition.city },
      value: p.figure.value,
      unit: p.figure.unit,
      baseValue: p.figure.baseValue,
      qualifier: p.figure.qualifier,
      release: { slug: p.release.slug, title: p.release.title },
    })),
  };
}

const COLUMNS = [
  "year",
  "event",
  "city",
  "display",
  "value",
  "unit",
  "base_value",
  "base_unit",
  "qualifier",
  "release_slug",
  "release_title",
];

/** One key across editions as CSV (UTF-8 with BOM for Excel); titles and labels cannot run as formulas. */
export function figureSeriesCsv(s: FigureSeries): string {
  const rows = s.series.map((p) => [
    String(p.edition.year),
    p.edition.event.name,
    p.edition.city,
    p.figure.display,
    p.figure.value,
    p.figure.unit,
    p.figure.baseValue,
    p.figure.baseUnit,
    p.figure.qualifier,
    p.release.slug,
    p.release.title,
  ]);
  return (
    "\uFEFF" + stringify([COLUMNS, ...rows], { record_delimiter: "\r\n", cast: { string: csvSafeCell } })
  );
}
