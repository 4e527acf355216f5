import { z } from "zod";
import { FigureQualifier } from "../generated/prisma/enums";
import { isDecimalString, normalizeDecimal, compareDecimal } from "./decimal";
import { QUALIFIERS } from "./qualifiers";
import { isPercent, resolveUnit } from "./units";

export const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}最多 ${max} 个字符`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .default(null);

export const figureInputSchema = z
  .object({
    key: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{0,63}$/, "标识只能用小写字母、数字和下划线，并以字母开头"),
    label: z.string().trim().min(1, "请填写指标名称").max(100, "指标名称最多 100 个字符"),
    value: z.string().trim().min(1, "请填写数值").refine(isDecimalString, "数值必须是数字，例如 1.6 或 3425"),
    unit: z.string().trim().min(1, "请填写单位").max(20, "单位最多 20 个字符"),
    /** Set when the editor knowingly uses a unit that is not on the list. */
    declaredUnit: z.boolean().default(false),
    qualifier: z.enum(FigureQualifier).default("exact"),
    qualifierWord: optionalText(4, "限定词"),
    section: optionalText(60, "板块"),
    partOfKey: optionalText(64, "所属指标"),
    /** The figures that are part of this one are stated to add up to it. */
    partsComplete: z.boolean().default(false),
    /** For a percentage: the key of the part whose share of its whole it states. */
    shareOfKey: optionalText(64, "占比所指数据"),
    labelEn: optionalText(100, "英文名称"),
    highlighted: z.boolean().default(false),
    isRecord: z.boolean().default(false),
    recordNote: optionalText(100, "纪录说明"),
    sourceText: optionalText(500, "原文句子"),
    mention: optionalText(60, "原文写法"),
  })
  .superRefine((f, ctx) => {
    if (!isDecimalString(f.value)) return;
    if (f.value.trim().startsWith("-"))
      ctx.addIssue({ code: "custom", path: ["value"], message: "数值不能为负数" });
    if (isPercent(f.unit) && compareDecimal(f.value, "100") > 0)
      ctx.addIssue({ code: "custom", path: ["value"], message: "百分比必须在 0 到 100 之间" });
    if (!resolveUnit(f.unit).known && !f.declaredUnit) {
      ctx.addIssue({
        code: "custom",
        path: ["unit"],
        message: `“${f.unit}”不在常用单位表中：如确为新单位，请勾选“新单位”`,
      });
    }
    const words = QUALIFIERS[f.qualifier].words;
    if (f.qualifierWord && !words.includes(f.qualifierWord)) {
      ctx.addIssue({
        code: "custom",
        path: ["qualifierWord"],
        message: `限定词应为：${words.filter(Boolean).join("、") || "（无）"}`,
      });
    }
    if (f.shareOfKey && !isPercent(f.unit))
      ctx.addIssue({ code: "custom", path: ["shareOfKey"], message: "只有百分比数据才能指定占比所指的数据" });
    if (f.isRecord && !f.recordNote)
      ctx.addIssue({ code: "custom", path: ["recordNote"], message: "请写明纪录说明，例如“创历史新高”" });
  })
  .transform((f) => ({ ...f, value: normalizeDecimal(f.value) }));

export type FigureInput = z.infer<typeof figureInputSchema>;
