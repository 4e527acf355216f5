import type { PublicEdition } from "./public-dto";
import { fill, type Messages } from "../i18n/messages";

/**
 * An edition's ordinal, dates, place and theme line, as release pages state them. The city and
 * theme exist in Chinese only: the English line has the ordinal and dates.
 */
export function editionLine(e: PublicEdition, messages: Messages): string {
  const t = messages.editions;
  const chinese = messages.lang.code === "zh-CN";
  return [
    e.ordinal ? fill(t.ordinal, { ordinal: e.ordinal }) : null,
    fill(t.dates, { start: e.startDate, end: e.endDate }),
    chinese ? e.city : null,
    chinese && e.theme ? `“${e.theme}”` : null,
  ]
    .filter(Boolean)
    .join(" · ");
}

/** An edition as staff pick it from a list: "世界制造业大会 2023（合肥）". */
export function editionChoiceLabel(e: { year: number; city: string; event: { name: string } }): string {
  return `${e.event.name} ${e.year}（${e.city}）`;
}
