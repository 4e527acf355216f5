import { z } from "zod";
import { FigureKind } from "../generated/prisma/enums";
import { figureInputSchema, optionalText } from "./figure-input";
import { resolveUnit } from "./units";

/** A figure key as figures use it (the same rule as the editor's). */
export const figureKeySchema = figureInputSchema.in.shape.key;

export const FIGURE_KIND_LABELS: Record<FigureKind, string> = {
  count: "数量",
  money: "金额",
  area: "面积",
  percent: "百分比",
  visits: "人次/访问",
  other: "其他",
};

export const updateFigureKeySchema = z.object({
  label: z.string({ message: "请填写名称" }).trim().min(1, "请填写名称").max(100, "名称最多 100 个字符"),
  labelEn: optionalText(100, "英文名称"),
  kind: z.enum(FigureKind, { message: "请选择类型" }),
  higherIsBetter: z.boolean({ message: "请选择“越高越好”与否" }),
  /** Only while no figure uses the key: the values already stored are in the old unit. */
  baseUnit: z
    .string()
    .trim()
    .min(1, "请填写基本单位")
    .max(20, "基本单位最多 20 个字符")
    .refine((u) => resolveUnit(u).exponent === 0, "基本单位不能带“万”“亿”等数量级，例如写“元”而不是“亿元”")
    .optional(),
});

export const renameFigureKeySchema = z.object({ to: figureKeySchema });

export const mergeFigureKeysSchema = z.object({ into: figureKeySchema });
