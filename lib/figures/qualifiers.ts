import type { FigureQualifier } from "../generated/prisma/enums";

interface QualifierStyle {
  /** Words the text may use, the first being the default. */
  words: readonly string[];
  /** 约/超/近 come before the number; 余/多 sit between the number and the unit. */
  position: "before" | "after";
  /** Words that stand on the other side of the number than `position` says (逾 3000 件). */
  otherSide?: readonly string[];
  label: string;
  labelEn: string;
}

export const QUALIFIERS: Record<FigureQualifier, QualifierStyle> = {
  exact: { words: [""], position: "before", label: "准确值", labelEn: "exact" },
  about: { words: ["约", "大约"], position: "before", label: "约", labelEn: "about" },
  more_than: {
    words: ["余", "多", "逾"],
    position: "after",
    otherSide: ["逾"],
    label: "余/多/逾",
    labelEn: "more than",
  },
  over: { words: ["超", "过", "突破", "超过"], position: "before", label: "超/过/突破", labelEn: "over" },
  nearly: { words: ["近", "将近", "接近"], position: "before", label: "近", labelEn: "nearly" },
};

export const QUALIFIER_VALUES = Object.keys(QUALIFIERS) as FigureQualifier[];

export function qualifierWord(qualifier: FigureQualifier, word?: string | null): string {
  const style = QUALIFIERS[qualifier];
  return word && style.words.includes(word) ? word : style.words[0];
}

/** Which qualifier a word of the text stands for, if any. */
export function qualifierOfWord(word: string): FigureQualifier | undefined {
  return QUALIFIER_VALUES.find((q) => q !== "exact" && QUALIFIERS[q].words.includes(word));
}

/** Where a qualifier word stands: 约 before the number, 余 after it, 逾 before it although it means 余. */
export function qualifierPosition(qualifier: FigureQualifier, word: string): "before" | "after" {
  const style = QUALIFIERS[qualifier];
  if (!style.otherSide?.includes(word)) return style.position;
  return style.position === "before" ? "after" : "before";
}
