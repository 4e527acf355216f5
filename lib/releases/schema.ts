import { z } from "zod";
import { figureInputSchema, optionalText } from "../figures/figure-input";
import { slugSchema } from "./slug";
import { statedPublishAtSchema } from "./stated-publish-at";

export { figureInputSchema, type FigureInput } from "../figures/figure-input";

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
    /** The results release of its edition (at most one per edition and language: lib/editions/results-release.ts). */
    isEditionResults: z.boolean().default(false),
    leadImageId: uuidOrNull,
    tags: z
      .array(z.string().trim().min(1).max(30, "标签最多 30 个字符"))
      .max(20, "标签最多 20 个")
      .default([]),
    sourceName: optionalText(100, "来源"),
    sourceUrl: httpUrl,
    byline: optionalText(100, "作者"),
    /** 原文发布时间: Beijing time from the form, or an ISO instant; never in the future. */
    statedPublishAt: statedPublishAtSchema,
    locale: z.enum(["zh-CN", "en"]).default("zh-CN"),
    figures: z.array(figureInputSchema).max(300, "数据最多 300 项").default([]),
  })
  .superRefine((r, ctx) => {
    if (r.isEditionResults && !r.editionId)
      ctx.addIssue({
        code: "custom",
        path: ["isEditionResults"],
        message: "请先选择届次，才能标为该届成果发布",
      });
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
      if (f.shareOfKey && (!keys.has(f.shareOfKey) || f.shareOfKey === f.key)) {
        ctx.addIssue({
          code: "custom",
          path: ["figures", i, "shareOfKey"],
          message: "占比所指的数据必须是本稿件中的另一项数据",
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
  /** Set on the conflict screen when the editor chose to overwrite the newer version (named by baseVersion) knowingly. */
  overwrite: z.boolean().default(false),
});

export type SaveReleaseInput = z.input<typeof saveReleaseSchema>;
