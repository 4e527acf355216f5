import { z } from "zod";
import { slugSchema } from "../releases/slug";

/** What an editor can do with a release's English translation (POST /api/admin/releases/[id]/translation). */
export const translationActionSchema = z.discriminatedUnion(
  "action",
  [
    // On a Chinese release: start its English translation as a new draft (title in English).
    z.object({
      action: z.literal("create"),
      title: z.string().trim().min(1, "请填写英文标题").max(200, "标题最多 200 个字符"),
    }),
    // On a Chinese release: mark an existing English release as its translation.
    z.object({ action: z.literal("link"), slug: slugSchema }),
    // On a translation: the translator has checked it against the original's current figures.
    z.object({ action: z.literal("confirm") }),
  ],
  { error: "未知的操作" },
);

export type TranslationAction = z.infer<typeof translationActionSchema>;
