import type { FigureQualifier } from "../generated/prisma/enums";
import { normalizeDecimal } from "./decimal";
import { QUALIFIERS, QUALIFIER_VALUES, qualifierOfWord, qualifierPosition } from "./qualifiers";

export interface ParsedFigure {
  value: string;
  unit: string;
  qualifier: FigureQualifier;
  qualifierWord: string | null;
}

const wordsAt = (position: "before" | "after") =>
  QUALIFIER_VALUES.flatMap((q) =>
    QUALIFIERS[q].words.filter((w) => w && qualifierPosition(q, w) === position),
  ).sort((a, b) => b.length - a.length);
const beforeWords = wordsAt("before");
const afterWords = wordsAt("after");

const pattern = new RegExp(
  `^(${beforeWords.join("|")})?\\s*(\\d+(?:\\.\\d+)?)\\s*(${afterWords.join("|")})?\\s*(\\S.*)?$`,
);

/**
 * Reads a figure as an editor types it: "约4.8万篇(条)", "3000余件", "超3000万人次", "1.6万名".
 * Returns null when the text does not start with a number (after an optional qualifier word).
 */
export function parseFigureText(text: string): ParsedFigure | null {
  const match = pattern.exec(text.replace(/,/g, "").trim());
  if (!match) return null;
  const [, before, number, after, unit = ""] = match;
  const word = before ?? after;
  const qualifier = word ? (qualifierOfWord(word) ?? "exact") : "exact";
  const isDefault = word ? QUALIFIERS[qualifier].words[0] === word : true;
  return {
    value: normalizeDecimal(number),
    unit: unit.trim(),
    qualifier,
    qualifierWord: isDefault || !word ? null : word,
  };
}
