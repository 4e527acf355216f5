import { compareDecimal, powerOfTen, shiftDecimal } from "../decimal";
import { formatFigure } from "../format";
import type { FigureQualifier } from "../../generated/prisma/enums";
import { addDecimals, lastDigitStep, multiplyDecimal, subtractDecimal } from "./exact-math";

/**
 * What a figure's text says about the true amount, in its base unit, as a range. The rules (chosen
 * here, stated in the messages):
 * - exact: the value itself.
 * - 余/多 (more_than) and 超/过/突破 (over): more than the value, and less than the value plus one step
 *   of its last non-zero digit, the precision the text chose: "4500多" is 4500–4600, "超10万" 10万–20万.
 *   Comparisons that rest on this are comparisons of lower bounds, and say so.
 * - 近 (nearly): less than the value and at least nine tenths of it ("近千万": 900万–1000万).
 * - 约 (about): within a tenth either side. Ranges that overlap are "约数，无法严格比较"; a gap wider
 *   than a tenth is large enough to decide.
 */
export interface Bounds {
  low: string;
  high: string;
  /** The true amount is strictly above low / below high (余, 超; 近). */
  lowOpen: boolean;
  highOpen: boolean;
  qualifier: FigureQualifier;
}

export interface Quantity {
  value: string;
  unitScale: string;
  qualifier: FigureQualifier;
}

export function baseValueOf(figure: { value: string; unitScale: string }): string {
  return shiftDecimal(figure.value, powerOfTen(figure.unitScale));
}

export function boundsOf(figure: Quantity): Bounds {
  const v = baseValueOf(figure);
  const q = figure.qualifier;
  switch (q) {
    case "exact":
      return { low: v, high: v, lowOpen: false, highOpen: false, qualifier: q };
    case "more_than":
    case "over":
      return {
        low: v,
        high: addDecimals([v, lastDigitStep(v)]),
        lowOpen: true,
        highOpen: true,
        qualifier: q,
      };
    case "nearly":
      return { low: multiplyDecimal(v, 9n, 1), high: v, lowOpen: false, highOpen: true, qualifier: q };
    case "about":
      return {
        low: subtractDecimal(v, multiplyDecimal(v, 1n, 1)),
        high: addDecimals([v, multiplyDecimal(v, 1n, 1)]),
        lowOpen: false,
        highOpen: false,
        qualifier: q,
      };
  }
}

/** True when every amount `a` allows is above every amount `b` allows. */
export function surelyAbove(a: Bounds, b: Bounds): boolean {
  const order = compareDecimal(a.low, b.high);
  return order > 0 || (order === 0 && (a.lowOpen || b.highOpen));
}

/** True when no amount `a` allows is above any amount `b` allows (ties included). */
export function neverAbove(a: Bounds, b: Bounds): boolean {
  return compareDecimal(a.high, b.low) <= 0;
}

/** True when the two ranges share no amount. */
export function disjoint(a: Bounds, b: Bounds): boolean {
  return surelyAbove(a, b) || surelyAbove(b, a);
}

/** Sum of ranges: the sum of the lows to the sum of the highs. */
export function sumBounds(parts: readonly Bounds[]): Bounds {
  return {
    low: addDecimals(parts.map((p) => p.low)),
    high: addDecimals(parts.map((p) => p.high)),
    lowOpen: parts.some((p) => p.lowOpen),
    highOpen: parts.some((p) => p.highOpen),
    qualifier: parts.every((p) => p.qualifier === "exact") ? "exact" : "about",
  };
}

export const isLowerBound = (q: FigureQualifier) => q === "more_than" || q === "over";

/** Base units that count the same thing under two words (1场 is one of 60场次). */
const SAME_COUNT: readonly (readonly string[])[] = [
  ["场", "场次"],
  ["人", "名", "位"],
  ["家", "户"],
];

/** The first word of a unit's group (名 -> 人), so units that count the same thing compare equal. */
export function canonicalUnit(unit: string): string {
  return SAME_COUNT.find((group) => group.includes(unit))?.[0] ?? unit;
}

export function comparableUnits(a: string, b: string): boolean {
  return canonicalUnit(a) === canonicalUnit(b);
}

export function displayFigure(f: {
  value: string;
  unit: string;
  qualifier: FigureQualifier;
  qualifierWord: string | null;
}): string {
  return formatFigure(f);
}
