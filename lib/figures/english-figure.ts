import type { PublicFigure } from "../releases/public-dto";
import { englishFigureLabel, formatFigureEnParts } from "./format-en";

/** English labels of the figure keys, by key (from the registry). */
export type KeyLabelsEn = Record<string, string | null>;

/**
 * A public figure for English pages: the same stored amount, its English label and wording. The
 * Chinese-only texts (the source sentence, the mention, the section name, the record note) are left
 * out rather than shown untranslated.
 */
export function toEnglishFigure(figure: PublicFigure, keyLabelsEn: KeyLabelsEn): PublicFigure {
  const parts = formatFigureEnParts(figure);
  const display = `${parts.before}${parts.number}${parts.after}${parts.unit}`;
  return {
    ...figure,
    label: englishFigureLabel({
      label: figure.label,
      labelEn: figure.labelEn,
      keyLabelEn: keyLabelsEn[figure.key] ?? null,
    }),
    display,
    baseDisplay: display,
    parts,
    section: null,
    recordNote: null,
    sourceText: null,
    mention: null,
  };
}
