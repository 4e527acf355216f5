import { z } from "zod";

// The loose shape of saved form state (an autosave is kept as typed, so only its shape is checked).
const figureFormSchema = z.object({
  key: z.string(),
  label: z.string(),
  value: z.string(),
  unit: z.string(),
  declaredUnit: z.boolean(),
  qualifier: z.enum(["exact", "about", "more_than", "over", "nearly"]),
  qualifierWord: z.string(),
  section: z.string(),
  partOfKey: z.string(),
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
  leadImageId: z.string(),
  tags: z.array(z.string()),
  sourceName: z.string(),
  sourceUrl: z.string(),
  byline: z.string(),
  locale: z.enum(["zh-CN", "en"]),
  figures: z.array(figureFormSchema),
});
