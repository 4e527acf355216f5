import type { FigureQualifier } from "../generated/prisma/enums";
import { figureRow } from "../figures/figure-row";

export interface SeedFigure {
  key: string;
  label: string;
  value: string;
  unit: string;
  qualifier?: FigureQualifier;
  qualifierWord?: string;
  section: string;
  highlighted?: boolean;
  record?: string;
  partOf?: string;
  /** The parts listed add up to this figure. */
  partsComplete?: boolean;
  /** A percentage stating the share of this (part) key in its whole. */
  shareOf?: string;
  mention: string;
  source: string;
}

/** A seed figure as the columns of a Figure row (the same builder as an editor's save). */
export function seedFigureToRow(figure: SeedFigure, sortOrder: number) {
  const row = figureRow({
    key: figure.key,
    label: figure.label,
    value: figure.value,
    unit: figure.unit,
    qualifier: figure.qualifier ?? "exact",
    qualifierWord: figure.qualifierWord ?? null,
    partOfKey: figure.partOf ?? null,
    partsComplete: figure.partsComplete ?? false,
    shareOfKey: figure.shareOf ?? null,
    section: figure.section,
    highlighted: figure.highlighted ?? false,
    isRecord: Boolean(figure.record),
    recordNote: figure.record ?? null,
    sourceText: figure.source,
    mention: figure.mention,
  });
  return { ...row, sortOrder };
}
