import { checkBodyLinks } from "./body-links";
import { checkParts, checkShares } from "./consistency";
import { checkRecordClaims, type ClaimContext } from "./record-claims";
import type { CheckFigure, ClaimResult, ConsistencyResult } from "./types";

export interface FigureCheckResults {
  claims: ClaimResult[];
  consistency: ConsistencyResult[];
}

/** Every check of a release's figures: record claims, parts and sums, shares, the body's numbers. */
export function runFigureChecks(input: {
  body: string;
  figures: readonly CheckFigure[];
  claims: ClaimContext;
}): FigureCheckResults {
  return {
    claims: checkRecordClaims(input.figures, input.claims),
    consistency: [
      ...checkParts(input.figures),
      ...checkShares(input.figures),
      ...checkBodyLinks(input.body, input.figures),
    ],
  };
}
