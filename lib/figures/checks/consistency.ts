import { compareDecimal } from "../decimal";
import { isPercent } from "../units";
import {
  baseValueOf,
  boundsOf,
  comparableUnits,
  disjoint,
  displayFigure,
  surelyAbove,
  sumBounds,
} from "./figure-bounds";
import { compareDistance, multiplyDecimal, multiplyDecimals, percentOf } from "./exact-math";
import type { CheckFigure, ConsistencyResult } from "./types";

/** A stated share may differ from the ratio of the stored values by this many percentage points. */
export const SHARE_TOLERANCE_POINTS = "1";

const show = displayFigure;

/**
 * Parts against their whole (partOfKey): no part larger than the whole, and parts whose sum is
 * larger than the whole flagged (a warning: parts may overlap). When the whole says its parts add up
 * to it (partsComplete), the sum must match it.
 */
export function checkParts(figures: readonly CheckFigure[]): ConsistencyResult[] {
  const byKey = new Map(figures.map((f) => [f.key, f]));
  const results: ConsistencyResult[] = [];
  const wholes = new Map<string, CheckFigure[]>();
  for (const part of figures) {
    if (!part.partOfKey) continue;
    const whole = byKey.get(part.partOfKey);
    if (!whole) {
      results.push({
        rule: "part_of_whole",
        level: "warning",
        keys: [part.key],
        message: `“${part.label}”所属的数据“${part.partOfKey}”不在本稿中，无法核对`,
      });
      continue;
    }
    if (!comparableUnits(part.baseUnit, whole.baseUnit)) {
      results.push({
        rule: "part_of_whole",
        level: "warning",
        keys: [part.key, whole.key],
        message: `“${part.label}”（${part.baseUnit}）与所属的“${whole.label}”（${whole.baseUnit}）单位不同，无法比较`,
      });
      continue;
    }
    wholes.set(whole.key, [...(wholes.get(whole.key) ?? []), part]);
    if (surelyAbove(boundsOf(part), boundsOf(whole)))
      results.push({
        rule: "part_of_whole",
        level: "error",
        keys: [part.key, whole.key],
        message: `部分大于整体：“${part.label}” ${show(part)} 大于“${whole.label}” ${show(whole)}`,
      });
  }
  for (const [key, parts] of wholes) {
    const whole = byKey.get(key)!;
    const sum = sumBounds(parts.map(boundsOf));
    const exactSum = parts.every((p) => p.qualifier === "exact");
    const sumText = `${parts.map((p) => show(p)).join(" + ")} = ${exactSum ? sum.low : `${sum.low}–${sum.high}`}`;
    const keys = [key, ...parts.map((p) => p.key)];
    if (whole.partsComplete) {
      const wrong = disjoint(sum, boundsOf(whole));
      results.push({
        rule: "parts_sum",
        level: wrong ? "error" : "ok",
        keys,
        message: wrong
          ? `各部分之和与总数不符：${sumText}，而“${whole.label}”为 ${show(whole)}`
          : `各部分之和与总数相符：${sumText}（${whole.label} ${show(whole)}）`,
      });
    } else if (parts.length > 1 && surelyAbove(sum, boundsOf(whole))) {
      results.push({
        rule: "parts_sum",
        level: "warning",
        keys,
        message: `各部分之和大于整体：${sumText}，而“${whole.label}”为 ${show(whole)}（如各部分互有重叠可忽略）`,
      });
    }
  }
  return results;
}

/**
 * A percentage that states the share of a part (shareOfKey) in that part's whole, against the ratio
 * of the stored values: off by more than SHARE_TOLERANCE_POINTS is an error. Decided exactly
 * (|share × whole − 100 × part| against 1 × whole); the ratio is shown to one decimal place.
 */
export function checkShares(figures: readonly CheckFigure[]): ConsistencyResult[] {
  const byKey = new Map(figures.map((f) => [f.key, f]));
  return figures.flatMap((share): ConsistencyResult[] => {
    if (!share.shareOfKey) return [];
    const fail = (message: string): ConsistencyResult[] => [
      { rule: "share", level: "warning", keys: [share.key], message },
    ];
    if (!isPercent(share.unit)) return fail(`“${share.label}”不是百分比，不能核对占比`);
    const part = byKey.get(share.shareOfKey);
    if (!part) return fail(`“${share.label}”所指的数据“${share.shareOfKey}”不在本稿中，无法核对占比`);
    const whole = part.partOfKey ? byKey.get(part.partOfKey) : undefined;
    if (!whole) return fail(`“${part.label}”没有注明所属的整体数据，无法核对“${share.label}”`);
    const partValue = baseValueOf(part);
    const wholeValue = baseValueOf(whole);
    if (compareDecimal(wholeValue, "0") <= 0) return fail(`“${whole.label}”为 0，无法计算占比`);
    const stated = baseValueOf(share);
    const ratio = percentOf(partValue, wholeValue);
    const off =
      compareDistance(
        multiplyDecimals(stated, wholeValue),
        multiplyDecimal(partValue, 100n, 0),
        multiplyDecimal(wholeValue, BigInt(SHARE_TOLERANCE_POINTS), 0),
      ) > 0;
    const approximate = [share, part, whole].some((f) => f.qualifier !== "exact");
    const sums = `${show(part)} ÷ ${show(whole)} = ${ratio}%`;
    return [
      {
        rule: "share",
        level: off ? (approximate ? "warning" : "error") : "ok",
        keys: [share.key, part.key, whole.key],
        message: off
          ? `占比不符：“${share.label}”写 ${show(share)}，而 ${sums}，相差超过 ${SHARE_TOLERANCE_POINTS} 个百分点${approximate ? "（含约数，按所写数值计算）" : ""}`
          : `占比相符：${sums}（写 ${show(share)}）`,
      },
    ];
  });
}
