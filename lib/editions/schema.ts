import { z } from "zod";
import { optionalText } from "../figures/figure-input";

const isoDate = (label: string) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 2023-09-20`)
    .refine(
      (v) =>
        !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
      `${label}不是有效日期`,
    );

export const eventSlugSchema = z
  .string({ message: "请填写别名" })
  .trim()
  .regex(/^[a-z][a-z0-9-]{1,39}$/, "别名只能用小写字母、数字和连字符，以字母开头，2–40 个字符");

export const eventInputSchema = z.object({
  slug: eventSlugSchema,
  name: z.string({ message: "请填写名称" }).trim().min(1, "请填写名称").max(60, "名称最多 60 个字符"),
  nameEn: optionalText(100, "英文名称"),
});

export type EventInput = z.infer<typeof eventInputSchema>;

export const editionInputSchema = z
  .object({
    year: z.coerce
      .number({ message: "年份必须是数字" })
      .int("年份必须是整数")
      .min(1900, "年份应在 1900 到 2200 之间")
      .max(2200, "年份应在 1900 到 2200 之间"),
    ordinal: z
      .union([
        z.literal(""),
        z.null(),
        z.coerce.number().int("届次必须是整数").min(1, "届次至少为 1").max(999, "届次最多 999"),
      ])
      .transform((v) => (v === "" ? null : v))
      .default(null),
    startDate: isoDate("开始日期"),
    endDate: isoDate("结束日期"),
    city: z.string({ message: "请填写城市" }).trim().min(1, "请填写城市").max(40, "城市最多 40 个字符"),
    theme: optionalText(100, "主题"),
    signOffRequired: z.boolean().default(false),
  })
  .superRefine((e, ctx) => {
    if (e.endDate < e.startDate)
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "结束日期不能早于开始日期" });
    if (!e.startDate.startsWith(String(e.year)))
      ctx.addIssue({ code: "custom", path: ["startDate"], message: `开始日期应在 ${e.year} 年内` });
  });

export type EditionInput = z.infer<typeof editionInputSchema>;
