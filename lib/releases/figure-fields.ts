import type { Figure } from "../generated/prisma/client";

/** The figure fields public data and revisions both copy unchanged (value and scale each convert their own way). */
export function plainFigureFields(f: Figure) {
  return {
    key: f.key,
    label: f.label,
    unit: f.unit,
    baseUnit: f.baseUnit,
    qualifier: f.qualifier,
    qualifierWord: f.qualifierWord,
    partOfKey: f.partOfKey,
    partsComplete: f.partsComplete,
    shareOfKey: f.shareOfKey,
    labelEn: f.labelEn,
    section: f.section,
    highlighted: f.highlighted,
    isRecord: f.isRecord,
    recordNote: f.recordNote,
    sourceText: f.sourceText,
    mention: f.mention,
  };
}
