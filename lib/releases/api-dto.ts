import type { PublicFigure, PublicRelease, PublicReleaseSummary } from "./public-dto";

// The public JSON API's shapes. Numbers are exact decimals converted once, here; the unit scale
// is a power of ten so baseValue is exact too.

export function toApiFigure(f: PublicFigure) {
  return {
    key: f.key,
    label: f.label,
    value: Number(f.value),
    unit: f.unit,
    baseValue: Number(f.baseValue),
    baseUnit: f.baseUnit,
    qualifier: f.qualifier,
    qualifierWord: f.qualifierWord,
    display: f.display,
    section: f.section,
    partOf: f.partOfKey,
    highlighted: f.highlighted,
    record: f.isRecord,
    recordNote: f.recordNote,
    sourceText: f.sourceText,
  };
}

export function toApiSummary(r: PublicReleaseSummary, siteUrl: string) {
  return {
    slug: r.slug,
    url: `${siteUrl}/releases/${r.slug}`,
    locale: r.locale,
    title: r.title,
    summary: r.summary,
    publishedAt: r.publishAt,
    updatedAt: r.contentUpdatedAt,
    source: r.sourceName,
    category: r.category,
    keyFigures: r.keyFigures.map(toApiFigure),
  };
}

export function toApiRelease(r: PublicRelease, siteUrl: string) {
  return {
    ...toApiSummary(r, siteUrl),
    byline: r.byline,
    sourceUrl: r.sourceUrl,
    viewCount: r.viewCount,
    tags: r.tags,
    edition: r.edition,
    body: r.body,
    changeNotes: r.changeNotes,
    figures: r.figures.map(toApiFigure),
  };
}
