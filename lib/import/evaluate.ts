import type { FigureQualifier } from "../generated/prisma/enums";
import { toBaseValue } from "../figures/units";
import { PROPOSAL_THRESHOLD, type FigureProposal } from "./analyze-release";

/** A figure a person found in a test text: value and unit as written, and the qualifier. */
export interface ExpectedFigure {
  label: string;
  value: string;
  unit: string;
  qualifier?: FigureQualifier;
}

export interface Evaluation {
  expected: number;
  /** Proposals at or above the confidence threshold: what the review screen accepts by default. */
  proposed: number;
  matched: number;
  /** Expected figures no proposal reproduces. */
  missed: ExpectedFigure[];
  /** Proposals that reproduce no expected figure: non-figures, or figures read wrong. */
  extra: Pick<FigureProposal, "label" | "mention" | "baseValue" | "baseUnit" | "qualifier">[];
  precision: number;
  recall: number;
}

/**
 * Compares proposals with hand-entered figures: a match has the same base value, base unit and
 * qualifier (labels differ in wording and are the editor's to polish). Each proposal matches once.
 */
export function evaluateProposals(
  proposals: readonly FigureProposal[],
  expected: readonly ExpectedFigure[],
): Evaluation {
  const pool = proposals.filter((p) => p.confidence >= PROPOSAL_THRESHOLD);
  const unused = [...pool];
  const missed: ExpectedFigure[] = [];
  for (const figure of expected) {
    const base = toBaseValue(figure.value, figure.unit);
    const qualifier = figure.qualifier ?? "exact";
    const at = unused.findIndex(
      (p) => p.baseValue === base.value && p.baseUnit === base.unit && p.qualifier === qualifier,
    );
    if (at === -1) missed.push(figure);
    else unused.splice(at, 1);
  }
  const matched = expected.length - missed.length;
  return {
    expected: expected.length,
    proposed: pool.length,
    matched,
    missed,
    extra: unused.map(({ label, mention, baseValue, baseUnit, qualifier }) => ({
      label,
      mention,
      baseValue,
      baseUnit,
      qualifier,
    })),
    precision: pool.length ? (pool.length - unused.length) / pool.length : 1,
    recall: expected.length ? matched / expected.length : 1,
  };
}
