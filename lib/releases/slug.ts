import { z } from "zod";

export const SLUG_MAX_LENGTH = 120;
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// Path segments the site uses for itself under /releases.
const RESERVED = new Set(["page", "new", "feed", "api"]);

export const slugSchema = z
  .string()
  .trim()
  .min(1, "请填写别名")
  .max(SLUG_MAX_LENGTH, `别名最多 ${SLUG_MAX_LENGTH} 个字符`)
  .regex(SLUG_PATTERN, "别名只能包含小写字母、数字和连字符，且不能以连字符开头或结尾")
  .refine((s) => !RESERVED.has(s), "该别名为系统保留，请换一个");

export function isValidSlug(value: string): boolean {
  return slugSchema.safeParse(value).success;
}

/**
 * A slug from a title. Latin letters and digits are kept; a Chinese title keeps its digits and
 * falls back to the date, since there is no pinyin table here: editors may always type their own.
 */
export function slugify(title: string, date: Date = new Date()): string {
  const ascii = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  const hasWords = /[a-z]{2,}/.test(ascii);
  // A title that is one of the site's own words ("Page", "API") still gets a usable slug.
  if (hasWords) return RESERVED.has(ascii) ? `${ascii}-release` : ascii;
  const day = date.toISOString().slice(0, 10);
  return ascii ? `${day}-${ascii}` : `release-${day}`;
}
