import { z } from "zod";
import { fromBeijingInput, wallClockExists } from "../i18n/format-date";

// 原文发布时间: when the original text says it was published. It is a fact about the text, not a
// publishing decision: it never makes a release visible, and only a first publish may take it as
// its publishAt (lib/releases/transition-release.ts).

const EARLIEST = Date.parse("1900-01-01T00:00:00+08:00");
/** An ISO 8601 instant with its zone (what the API and the import CLI send). */
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The moment a value names: a datetime-local value is Beijing wall-clock time (the form's input);
 * an ISO instant keeps its own zone. Null when it names none.
 */
export function statedMoment(value: string): Date | null {
  const text = value.trim();
  if (ISO_WITH_ZONE.test(text)) {
    const [year, month, day, hour, minute] = text.split(/[-T:]/, 5).map(Number);
    // To the second, like the editor's field: a stored fraction would read as a change on its next save.
    const date = new Date(Math.floor(new Date(text).getTime() / 1000) * 1000);
    return wallClockExists(year, month, day, hour, minute) && !Number.isNaN(date.getTime()) ? date : null;
  }
  const iso = fromBeijingInput(text);
  return iso ? new Date(iso) : null;
}

/** Empty means none; otherwise a real moment, not before 1900 and not in the future. */
export const statedPublishAtSchema = z
  .string()
  .max(40, "请填写有效的原文发布时间（北京时间）")
  .nullable()
  .default(null)
  .transform((value, ctx) => {
    if (value === null || value.trim() === "") return null;
    const moment = statedMoment(value);
    if (!moment || moment.getTime() < EARLIEST) {
      ctx.addIssue({ code: "custom", message: "请填写有效的原文发布时间（北京时间）" });
      return z.NEVER;
    }
    if (moment.getTime() > Date.now()) {
      ctx.addIssue({
        code: "custom",
        message: "原文发布时间不能晚于现在：将来的时间请用“定时发布”",
      });
      return z.NEVER;
    }
    return moment;
  });
