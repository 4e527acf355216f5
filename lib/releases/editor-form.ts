import type { z } from "zod";
import { toBeijingInput } from "../i18n/format-date";
import type { figureFormSchema, releaseFormSchema } from "./editor-form-schema";
import type { ReleaseSnapshot } from "./snapshot";

// The editor's form state: plain strings and booleans, as inputs hold them. The server validates
// it with releaseInputSchema on save; the autosave keeps it exactly as typed.

export type FigureForm = z.infer<typeof figureFormSchema>;
export type ReleaseForm = z.infer<typeof releaseFormSchema>;

export function emptyFigure(index: number): FigureForm {
  return {
    key: `figure_${index + 1}`,
    label: "",
    value: "",
    unit: "个",
    declaredUnit: false,
    qualifier: "exact",
    qualifierWord: "",
    section: "",
    partOfKey: "",
    partsComplete: false,
    shareOfKey: "",
    labelEn: "",
    highlighted: false,
    isRecord: false,
    recordNote: "",
    sourceText: "",
    mention: "",
  };
}

/** A stored revision (or the newer version on a conflict) as form state. */
export function snapshotToForm(s: ReleaseSnapshot): ReleaseForm {
  return {
    title: s.title,
    slug: s.slug,
    summary: s.summary,
    body: s.body,
    categoryId: s.categoryId ?? "",
    editionId: s.editionId ?? "",
    isEditionResults: s.isEditionResults,
    leadImageId: s.leadImageId ?? "",
    tags: s.tags,
    sourceName: s.sourceName ?? "",
    sourceUrl: s.sourceUrl ?? "",
    byline: s.byline ?? "",
    statedPublishAt: s.statedPublishAt ? toBeijingInput(s.statedPublishAt) : "",
    locale: s.locale === "en" ? "en" : "zh-CN",
    figures: s.figures.map((f) => ({
      key: f.key,
      label: f.label,
      value: f.value,
      unit: f.unit,
      declaredUnit: false,
      qualifier: f.qualifier,
      qualifierWord: f.qualifierWord ?? "",
      section: f.section ?? "",
      partOfKey: f.partOfKey ?? "",
      partsComplete: f.partsComplete,
      shareOfKey: f.shareOfKey ?? "",
      labelEn: f.labelEn ?? "",
      highlighted: f.highlighted,
      isRecord: f.isRecord,
      recordNote: f.recordNote ?? "",
      sourceText: f.sourceText ?? "",
      mention: f.mention ?? "",
    })),
  };
}

/** A stored snapshot as input again, valid as it was when saved (a unit list that changed since does not fail it). */
export function snapshotAsInput(snapshot: ReleaseSnapshot) {
  const form = snapshotToForm(snapshot);
  return { ...form, figures: form.figures.map((f) => ({ ...f, declaredUnit: true })) };
}
