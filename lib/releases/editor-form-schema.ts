import { z } from "zod";
import { FigureQualifier } from "../generated/prisma/enums";

// The loose shape of saved form state (an autosave is kept as typed, so only its shape is checked).
export const figureFormSchema = z.object({
  key: z.string(),
  label: z.string(),
  value: z.string(),
  unit: z.string(),
  declaredUnit: z.boolean(),
  qualifier: z.enum(FigureQualifier),
  qualifierWord: z.string(),
  section: z.string(),
  partOfKey: z.string(),
  // Added with the key registry: autosaves kept before it lack them.
  partsComplete: z.boolean().default(false),
  shareOfKey: z.string().default(""),
  labelEn: z.string().default(""),
  highlighted: z.boolean(),
  isRecord: z.boolean(),
  recordNote: z.string(),
  sourceText: z.string(),
  mention: z.string(),
});

export const releaseFormSchema = z.object({
  title: z.string(),
  slug: z.string(),
  summary: z.string(),
  body: z.string(),
  categoryId: z.string(),
  editionId: z.string(),
  isEditionResults: z.boolean().default(false),
  leadImageId: z.string(),
  tags: z.array(z.string()),
  sourceName: z.string(),
  sourceUrl: z.string(),
  byline: z.string(),
  /** 原文发布时间 as the datetime-local input holds it (Beijing time). Autosaves kept before it lack it. */
  statedPublishAt: z.string().default(""),
  locale: z.enum(["zh-CN", "en"]),
  figures: z.array(figureFormSchema),
});
