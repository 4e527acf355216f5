import type { Prisma } from "../generated/prisma/client";
import type { FigureQualifier } from "../generated/prisma/enums";
import { normalizeDecimal, powerOfTen, shiftDecimal } from "../figures/decimal";
import { formatBaseFigure, formatFigure, type FigureParts } from "../figures/format";
import { plainFigureFields } from "./figure-fields";

// Plain, JSON-safe shapes of public data: they pass through Next's data cache (JSON) unchanged.

export const publicReleaseInclude = {
  category: { select: { slug: true, name: true } },
  tags: { select: { tag: { select: { slug: true, name: true } } } },
  edition: { include: { event: { select: { slug: true, name: true } } } },
  figures: { orderBy: { sortOrder: "asc" } },
  changeNotes: { orderBy: { createdAt: "desc" }, select: { kind: true, note: true, createdAt: true } },
  leadImage: true,
} satisfies Prisma.ReleaseInclude;

type ReleaseRow = Prisma.ReleaseGetPayload<{ include: typeof publicReleaseInclude }>;
type FigureRow = ReleaseRow["figures"][number];

export interface PublicFigure {
  key: string;
  label: string;
  value: string;
  unit: string;
  baseValue: string;
  baseUnit: string;
  qualifier: FigureQualifier;
  qualifierWord: string | null;
  partOfKey: string | null;
  section: string | null;
  highlighted: boolean;
  isRecord: boolean;
  recordNote: string | null;
  sourceText: string | null;
  mention: string | null;
  /** As Chinese text writes it: "约4.8万篇(条)". */
  display: string;
  /** Plain digits in the base unit: "约 48,000 篇(条)". */
  baseDisplay: string;
  /** The figure's own English label (the registry's is looked up for English pages). */
  labelEn: string | null;
  /** Set on English pages: the English wording, which FigureValue shows instead of the Chinese. */
  parts?: FigureParts;
}

export function toPublicFigure(f: FigureRow): PublicFigure {
  const value = normalizeDecimal(f.value.toString());
  // The scale stored when the figure was written: a later change of the unit table never moves a published number.
  const baseValue = shiftDecimal(value, powerOfTen(f.unitScale.toString()));
  return {
    ...plainFigureFields(f),
    value,
    baseValue,
    display: formatFigure({ value, unit: f.unit, qualifier: f.qualifier, qualifierWord: f.qualifierWord }),
    baseDisplay: formatBaseFigure({ baseValue, baseUnit: f.baseUnit, qualifier: f.qualifier }),
  };
}

export interface PublicReleaseSummary {
  id: string;
  slug: string;
  locale: string;
  title: string;
  summary: string;
  publishAt: string;
  contentUpdatedAt: string;
  sourceName: string | null;
  category: { slug: string; name: string } | null;
  keyFigures: PublicFigure[];
  recordCount: number;
}

export interface PublicRelease extends PublicReleaseSummary {
  translationGroupId: string;
  body: string;
  byline: string | null;
  sourceUrl: string | null;
  viewCount: number;
  tags: Array<{ slug: string; name: string }>;
  edition: {
    year: number;
    city: string;
    theme: string | null;
    startDate: string;
    endDate: string;
    event: { slug: string; name: string };
  } | null;
  figures: PublicFigure[];
  changeNotes: Array<{ kind: "correction" | "update"; note: string; createdAt: string }>;
  leadImage: {
    id: string;
    url: string | null;
    alt: string;
    caption: string | null;
    credit: string | null;
    width: number | null;
    height: number | null;
    mimeType: string | null;
    sizeBytes: number | null;
  } | null;
}

function isoDate(d: Date) {
  return d.toISOString().slice(0, 10);
}

type SummaryColumns = Pick<
  ReleaseRow,
  | "id"
  | "slug"
  | "locale"
  | "title"
  | "summary"
  | "publishAt"
  | "createdAt"
  | "contentUpdatedAt"
  | "sourceName"
  | "category"
>;

/** The fields every public shape of a release has, from the row and its (possibly partial) figures. */
export function summaryFields(r: SummaryColumns, figures: PublicFigure[]): PublicReleaseSummary {
  return {
    id: r.id,
    slug: r.slug,
    locale: r.locale,
    title: r.title,
    summary: r.summary,
    // A visible release always has publishAt; the fallback only keeps the type honest.
    publishAt: (r.publishAt ?? r.createdAt).toISOString(),
    contentUpdatedAt: r.contentUpdatedAt.toISOString(),
    sourceName: r.sourceName,
    category: r.category,
    keyFigures: figures.filter((f) => f.highlighted),
    recordCount: figures.filter((f) => f.isRecord).length,
  };
}

export function toPublicRelease(r: ReleaseRow): PublicRelease {
  const figures = r.figures.map(toPublicFigure);
  return {
    ...summaryFields(r, figures),
    translationGroupId: r.translationGroupId,
    sourceUrl: r.sourceUrl,
    byline: r.byline,
    body: r.body,
    viewCount: r.viewCount,
    tags: r.tags.map((t) => t.tag),
    edition: r.edition && {
      year: r.edition.year,
      city: r.edition.city,
      theme: r.edition.theme,
      startDate: isoDate(r.edition.startDate),
      endDate: isoDate(r.edition.endDate),
      event: r.edition.event,
    },
    figures,
    changeNotes: r.changeNotes.map((n) => ({
      kind: n.kind,
      note: n.note,
      createdAt: n.createdAt.toISOString(),
    })),
    leadImage: r.leadImage && {
      id: r.leadImage.id,
      url: r.leadImage.storagePath ? `/media/${r.leadImage.id}` : null,
      alt: r.leadImage.alt,
      caption: r.leadImage.caption,
      credit: r.leadImage.credit,
      width: r.leadImage.width,
      height: r.leadImage.height,
      mimeType: r.leadImage.mimeType,
      sizeBytes: r.leadImage.sizeBytes,
    },
  };
}
