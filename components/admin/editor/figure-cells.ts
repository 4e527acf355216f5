import { isDecimalString } from "@/lib/figures/decimal";
import { formatFigure } from "@/lib/figures/format";
import { QUALIFIERS } from "@/lib/figures/qualifiers";
import { KNOWN_BASE_UNITS } from "@/lib/figures/units";
import type { FigureForm } from "@/lib/releases/editor-form";
import type { GridColumn } from "./grid-navigation";

export const QUALIFIER_OPTIONS = (Object.keys(QUALIFIERS) as Array<FigureForm["qualifier"]>).map((q) => ({
  value: q,
  label: QUALIFIERS[q].label,
}));

// The unit cell suggests the unit table's base units and their usual 万/亿 forms; others may be declared.
const SCALED = [
  "名",
  "人",
  "人次",
  "个",
  "家",
  "件",
  "条",
  "篇",
  "篇(条)",
  "元",
  "美元",
  "平方米",
  "吨",
  "辆",
  "台",
  "套",
];
export const UNIT_SUGGESTIONS: readonly string[] = [
  ...KNOWN_BASE_UNITS,
  ...SCALED.map((u) => `万${u}`),
  "亿元",
  "亿美元",
  "万亿元",
];

/** The figure as readers will see it, or a dash while the value is not a number yet. */
export function figurePreview(f: FigureForm): string {
  return isDecimalString(f.value)
    ? formatFigure({
        value: f.value,
        unit: f.unit,
        qualifier: f.qualifier,
        qualifierWord: f.qualifierWord || null,
      })
    : "—";
}

export const COLUMN_LABELS: Record<GridColumn, string> = {
  label: "指标名称",
  value: "数值",
  unit: "单位",
  qualifier: "限定",
  key: "标识",
};
