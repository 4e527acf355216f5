import { z } from "zod";
import { isDecimalString, normalizeDecimal, compareDecimal } from "../figures/decimal";
import { QUALIFIERS } from "../figures/qualifiers";
import { isPercent, resolveUnit } from "../figures/units";
import { slugSchema } from "./slug";

const optionalText = (max: number, label: string) =>
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
    qualifier: z.enum(["exact", "about", "more_than", "over", "nearly"]).default("exact"),
    qualifierWord: optionalText(4, "限定词"),
    section: optionalText(60, "板块"),
    partOfKey: optionalText(64, "所属指标"),
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
    if (f.isRecord && !f.recordNote)
      ctx.addIssue({ code: "custom", path: ["recordNote"], message: "请写明纪录说明，例如“创历史新高”" });
  })
  .transform((f) => ({ ...f, value: normalizeDecimal(f.value) }));

export type FigureInput = z.infer<typeof figureInputSchema>;

const httpUrl = z
  .string()
  .trim()
  .max(500)
  .refine((v) => v === "" || /^https?:\/\/[^\s]+$/i.test(v), "请填写以 http:// 或 https:// 开头的网址")
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .default(null);

const uuidOrNull = z
  .string()
  .trim()
  .transform((v) => (v === "" ? null : v))
  .pipe(z.string().uuid("选择无效").nullable())
  .nullable()
  .default(null);

export const releaseInputSchema = z
  .object({
    title: z.string().trim().min(1, "请填写标题").max(200, "标题最多 200 个字符"),
    slug: slugSchema,
    summary: z.string().trim().max(500, "摘要最多 500 个字符").default(""),
    body: z.string().max(400_000, "正文过长").default(""),
    categoryId: uuidOrNull,
    editionId: uuidOrNull,
    leadImageId: uuidOrNull,
    tags: z
      .array(z.string().trim().min(1).max(30, "标签最多 30 个字符"))
      .max(20, "标签最多 20 个")
      .default([]),
    sourceName: optionalText(100, "来源"),
    sourceUrl: httpUrl,
    byline: optionalText(100, "作者"),
    locale: z.enum(["zh-CN", "en"]).default("zh-CN"),
    figures: z.array(figureInputSchema).max(300, "数据最多 300 项").default([]),
  })
  .superRefine((r, ctx) => {
    const keys = new Map<string, number>();
    r.figures.forEach((f, i) => {
      if (keys.has(f.key))
        ctx.addIssue({ code: "custom", path: ["figures", i, "key"], message: `标识“${f.key}”重复` });
      keys.set(f.key, i);
    });
    r.figures.forEach((f, i) => {
      if (f.partOfKey && (!keys.has(f.partOfKey) || f.partOfKey === f.key)) {
        ctx.addIssue({
          code: "custom",
          path: ["figures", i, "partOfKey"],
          message: "所属指标必须是本稿件中的另一项数据",
        });
      }
    });
  });

export type ReleaseInput = z.infer<typeof releaseInputSchema>;

export const changeNoteSchema = z
  .object({
    minor: z.boolean().default(false),
    kind: z.enum(["correction", "update"]).default("update"),
    note: z.string().trim().max(500, "说明最多 500 个字符").default(""),
  })
  .default({ minor: false, kind: "update", note: "" });

export const saveReleaseSchema = z.object({
  baseVersion: z.number().int().positive(),
  release: releaseInputSchema,
  changeNote: changeNoteSchema,
  revisionNote: z.string().trim().max(200).optional(),
  /** Set on the conflict screen when the editor chose to overwrite the newer version knowingly. */
  overwrite: z.boolean().default(false),
});

export type SaveReleaseInput = z.input<typeof saveReleaseSchema>;
