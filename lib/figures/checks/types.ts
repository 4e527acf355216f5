import type { FigureQualifier } from "../../generated/prisma/enums";

/** A figure as the checks read it: the fields a revision snapshot stores (no database types). */
export interface CheckFigure {
  key: string;
  label: string;
  value: string;
  unit: string;
  unitScale: string;
  baseUnit: string;
  qualifier: FigureQualifier;
  qualifierWord: string | null;
  partOfKey: string | null;
  partsComplete: boolean;
  shareOfKey: string | null;
  isRecord: boolean;
  recordNote: string | null;
  sourceText: string | null;
  mention: string | null;
}

/** error: a number is wrong; warning: probably wrong or not checkable as written; info: worth a look. */
export type CheckLevel = "ok" | "info" | "warning" | "error";

export type ConsistencyRule = "part_of_whole" | "parts_sum" | "share" | "mention" | "unlinked_number";

export interface ConsistencyResult {
  rule: ConsistencyRule;
  level: CheckLevel;
  /** The figures the result is about (empty for a number of the body that has no figure). */
  keys: string[];
  message: string;
}

export type ClaimState = "checked" | "contradicted" | "uncheckable";

/** One earlier edition's value of a key, from a public release. */
export interface EarlierValue {
  year: number;
  value: string;
  unit: string;
  unitScale: string;
  baseUnit: string;
  qualifier: FigureQualifier;
  qualifierWord: string | null;
}

export interface ClaimComparison {
  year: number;
  /** The earlier value as its text wrote it ("800家", "4500多名"). */
  display: string;
  /** beaten: this edition is better for sure; not_beaten: the earlier one is as good or better; unclear: the qualifiers overlap. */
  outcome: "beaten" | "not_beaten" | "unclear";
}

export interface ClaimResult {
  key: string;
  label: string;
  claim: string;
  state: ClaimState;
  message: string;
  comparisons: ClaimComparison[];
}
