import { markFigures } from "../../content/mark-figures";
import { normalizeDecimal, shiftDecimal } from "../decimal";
import { KNOWN_BASE_UNITS, resolveUnit } from "../units";
import { baseValueOf, canonicalUnit, comparableUnits, displayFigure } from "./figure-bounds";
import { parseFigureText } from "../parse";
import type { CheckFigure, ConsistencyResult } from "./types";

/** At most this many numbers of the body without a figure are listed one by one. */
export const UNLINKED_LIST_LIMIT = 30;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const UNITS = [...KNOWN_BASE_UNITS].sort((a, b) => b.length - a.length).map(escapeRegExp);
// A number with a unit of the unit table, as figures are written: 587个, 3425亿元, 150余篇(条), 91%.
// Not preceded by a digit, a point or 第 (an ordinal), so dates, years and "第3场" never match
// (年/月/日/届 are no units); "3个月" is a duration.
const FIGURE_LIKE = new RegExp(
  `(?<![\\d.,第])(\\d+(?:,\\d{3})*(?:\\.\\d+)?)\\s*(余|多)?\\s*((?:万亿|亿|万)?(?:${UNITS.join("|")}))(?!月|小时)`,
  "g",
);
const OUR_MARKS = /<data class="fig[^"]*"[^>]*>[\s\S]*?<\/data>/g;

const MAGNITUDE_ONLY: Record<string, number> = { 万: 4, 亿: 8, 万亿: 12 };

/**
 * Whether a mention's number is the figure's ("38场" for 39 is not). Mentions without digits
 * ("近千万") or in a unit of their own are taken as they are; "超3000万" counts as 3000万 of its unit.
 */
function mentionStatesValue(f: CheckFigure): boolean {
  const parsed = f.mention ? parseFigureText(f.mention) : null;
  if (!parsed) return true;
  const figureBase = normalizeDecimal(baseValueOf(f));
  if (parsed.unit === "") return normalizeDecimal(parsed.value) === normalizeDecimal(f.value);
  const magnitude = MAGNITUDE_ONLY[parsed.unit];
  if (magnitude !== undefined) return shiftDecimal(parsed.value, magnitude) === figureBase;
  const unit = resolveUnit(parsed.unit);
  if (!comparableUnits(unit.baseUnit, f.baseUnit)) return true;
  return shiftDecimal(parsed.value, unit.exponent) === figureBase;
}

/** The number in its base unit; whole numbers (nearly every match) without the general decimal shift. */
function baseDigits(number: string, exponent: number): string {
  if (/^[1-9]\d*$/.test(number)) return number + "0".repeat(exponent);
  return shiftDecimal(number, exponent);
}

/** An amount in its base unit, with units that count the same thing (场/场次) made one. */
function amountKey(normalValue: string, unit: string): string {
  return `${canonicalUnit(unit)}|${normalValue}`;
}

function plainText(html: string): string {
  return (
    html
      // Inline tags sit inside words ("<strong>45</strong>家"); a block boundary never splits a number from its unit in practice.
      .replace(/<[^>]*>/g, "")
      .replace(/&nbsp;/g, " ")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, "&")
  );
}

/**
 * Each figure's mention is found in the body (with the same marking the public page uses, so
 * "found" means readers see it marked), and each number of the body that looks like a figure is
 * one: a number with a unit that is neither marked nor the same amount as some figure is listed as
 * "正文中的数字未对应数据" (info: the body may quote numbers that are not data on purpose).
 */
export function checkBodyLinks(body: string, figures: readonly CheckFigure[]): ConsistencyResult[] {
  const marked = markFigures(
    body,
    figures.map((f) => ({
      key: f.key,
      label: f.label,
      display: displayFigure(f),
      baseValue: baseValueOf(f),
      isRecord: f.isRecord,
      sourceText: f.sourceText,
      mention: f.mention,
    })),
  );
  const markedKeys = new Set([...marked.matchAll(/data-key="([^"]*)"/g)].map((m) => m[1]));
  const results: ConsistencyResult[] = figures.flatMap((f): ConsistencyResult[] => {
    if (!f.mention)
      return [
        {
          rule: "mention",
          level: "info",
          keys: [f.key],
          message: `“${f.label}”没有填写原文写法，正文中不会标出`,
        },
      ];
    if (markedKeys.has(f.key)) {
      if (mentionStatesValue(f)) return [];
      return [
        {
          rule: "mention",
          level: "warning",
          keys: [f.key],
          message: `“${f.label}”的原文写法“${f.mention}”与数据 ${displayFigure(f)} 不符`,
        },
      ];
    }
    return [
      {
        rule: "mention",
        level: "warning",
        keys: [f.key],
        message: `正文中找不到“${f.label}”的原文写法“${f.mention}”`,
      },
    ];
  });

  const amounts = new Set(figures.map((f) => amountKey(normalizeDecimal(baseValueOf(f)), f.baseUnit)));
  const unlinked = new Set<string>();
  for (const match of plainText(marked.replace(OUR_MARKS, "")).matchAll(FIGURE_LIKE)) {
    const text = match[0].replace(/\s+/g, "");
    if (unlinked.has(text)) continue;
    // One more than the list shows is enough to say there are more: the scan stops there.
    if (unlinked.size > UNLINKED_LIST_LIMIT) break;
    const unit = resolveUnit(match[3]);
    if (!amounts.has(amountKey(baseDigits(match[1].replace(/,/g, ""), unit.exponent), unit.baseUnit)))
      unlinked.add(text);
  }
  results.push(
    ...[...unlinked].slice(0, UNLINKED_LIST_LIMIT).map((text): ConsistencyResult => ({
      rule: "unlinked_number",
      level: "info",
      keys: [],
      message: `正文中的数字未对应数据：“${text}”`,
    })),
  );
  if (unlinked.size > UNLINKED_LIST_LIMIT)
    results.push({
      rule: "unlinked_number",
      level: "info",
      keys: [],
      message: "正文中的数字未对应数据：还有更多，未一一列出",
    });
  return results;
}
