import {
  boundsOf,
  comparableUnits,
  displayFigure,
  isLowerBound,
  neverAbove,
  surelyAbove,
  type Bounds,
} from "./figure-bounds";
import type { CheckFigure, ClaimComparison, ClaimResult, EarlierValue } from "./types";

export interface ClaimContext {
  /** The registry's direction per key; a key missing here counts as higher-is-better. */
  higherIsBetter: Readonly<Record<string, boolean>>;
  /** Earlier editions' public values per key, one per edition. */
  earlier: Readonly<Record<string, readonly EarlierValue[]>>;
  /** Why no earlier edition can be looked at (the release names no edition), if so. */
  unavailable?: string;
}

/**
 * Each figure marked as a record against the same key in earlier editions. A record is strictly
 * better than every earlier edition (higher, or lower for keys where lower is better); a tie is no
 * record. Three outcomes: checked (better than all, with the best earlier value named), contradicted
 * (an earlier edition was as good or better), or uncheckable (no earlier value, or qualifiers that
 * overlap: see figure-bounds.ts for what 余/超/近/约 allow).
 */
export function checkRecordClaims(figures: readonly CheckFigure[], context: ClaimContext): ClaimResult[] {
  return figures.filter((f) => f.isRecord).map((f) => checkClaim(f, context));
}

function checkClaim(figure: CheckFigure, context: ClaimContext): ClaimResult {
  const higher = context.higherIsBetter[figure.key] ?? true;
  const word = higher ? "高于" : "低于";
  const base = { key: figure.key, label: figure.label, claim: figure.recordNote ?? "纪录" };
  if (context.unavailable)
    return { ...base, state: "uncheckable", message: `无法核对：${context.unavailable}`, comparisons: [] };
  const earlier = [...(context.earlier[figure.key] ?? [])]
    .filter((e) => comparableUnits(e.baseUnit, figure.baseUnit))
    .sort((a, b) => a.year - b.year);
  if (!earlier.length)
    return {
      ...base,
      state: "uncheckable",
      message: `无法核对：往届没有“${figure.label}”的已公开数据`,
      comparisons: [],
    };

  const mine = boundsOf(figure);
  // "Better" is "above" with the order turned round when lower is better.
  const better = (a: Bounds, b: Bounds) => (higher ? surelyAbove(a, b) : surelyAbove(b, a));
  const neverBetter = (a: Bounds, b: Bounds) => (higher ? neverAbove(a, b) : neverAbove(b, a));
  const comparisons: ClaimComparison[] = earlier.map((e) => {
    const theirs = boundsOf(e);
    return {
      year: e.year,
      display: displayFigure(e),
      outcome: better(mine, theirs) ? "beaten" : neverBetter(mine, theirs) ? "not_beaten" : "unclear",
    };
  });
  const qualifiers = [figure.qualifier, ...earlier.map((e) => e.qualifier)];
  const notes = [
    qualifiers.some(isLowerBound) ? "含“余/多/超”的数按下限比较" : "",
    qualifiers.includes("nearly") ? "“近”按上限比较" : "",
  ].filter(Boolean);
  const noted = (text: string) => (notes.length ? `${text}（${notes.join("，")}）` : text);

  const against = comparisons.filter((c) => c.outcome === "not_beaten");
  if (against.length) {
    const mineText = displayFigure(figure);
    const parts = against.map((c) => {
      const e = earlier.find((x) => x.year === c.year)!;
      const tie = !better(boundsOf(e), mine);
      return `${c.year} 年为 ${c.display}，${tie ? "与本届持平" : `${word}本届`}`;
    });
    return {
      ...base,
      state: "contradicted",
      message: noted(`与往届不符：${parts.join("；")}（本届 ${mineText}）`),
      comparisons,
    };
  }
  const unclear = comparisons.filter((c) => c.outcome === "unclear");
  if (unclear.length) {
    const why = qualifiers.includes("about") ? "约数，无法严格比较" : "限定词使范围重叠，无法严格比较";
    return {
      ...base,
      state: "uncheckable",
      message: `无法核对：${unclear.map((c) => `${c.year} 年为 ${c.display}`).join("；")}，${why}`,
      comparisons,
    };
  }
  // The best earlier edition is the one the claim has to beat: name it.
  const best = earlier.reduce((a, b) => {
    const [x, y] = [boundsOf(a), boundsOf(b)];
    return (higher ? surelyAbove(y, x) : surelyAbove(x, y)) ? b : a;
  });
  return {
    ...base,
    state: "checked",
    message: noted(`${word}历届：${best.year} 年 ${displayFigure(best)}`),
    comparisons,
  };
}
