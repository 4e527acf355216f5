// Not server-only: the release editor (a client component) parses conflicts with releaseSnapshotSchema;
// the database work here goes through a transaction its server-side callers pass in.
import { z } from "zod";
import { FigureQualifier, ReleaseStatus } from "../generated/prisma/enums";
import type { Tx } from "../db";
import { plainFigureFields } from "./figure-fields";

const nullableText = z.string().nullable();

/** The stored shape of a revision: parsed back when diffing or restoring. */
export const releaseSnapshotSchema = z.object({
  slug: z.string(),
  locale: z.string(),
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  status: z.enum(ReleaseStatus),
  publishAt: nullableText,
  sourceName: nullableText,
  sourceUrl: nullableText,
  byline: nullableText,
  // Added with 原文发布时间: revisions stored before it lack it.
  statedPublishAt: nullableText.default(null),
  categoryId: nullableText,
  editionId: nullableText,
  // Added with editions: revisions stored before it lack it.
  isEditionResults: z.boolean().default(false),
  leadImageId: nullableText,
  tags: z.array(z.string()),
  figures: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      value: z.string(),
      unit: z.string(),
      unitScale: z.string(),
      baseUnit: z.string(),
      qualifier: z.enum(FigureQualifier),
      qualifierWord: nullableText,
      partOfKey: nullableText,
      // Added with the key registry: revisions stored before it lack them.
      partsComplete: z.boolean().default(false),
      shareOfKey: nullableText.default(null),
      labelEn: nullableText.default(null),
      section: nullableText,
      highlighted: z.boolean(),
      isRecord: z.boolean(),
      recordNote: nullableText,
      sourceText: nullableText,
      mention: nullableText,
    }),
  ),
});

export type ReleaseSnapshot = z.infer<typeof releaseSnapshotSchema>;

/** Everything an editor can change about a release, as stored in a Revision. */
export async function snapshotRelease(tx: Tx, releaseId: string): Promise<ReleaseSnapshot> {
  const release = await tx.release.findUniqueOrThrow({
    where: { id: releaseId },
    include: { figures: { orderBy: { sortOrder: "asc" } }, tags: { include: { tag: true } } },
  });
  return {
    slug: release.slug,
    locale: release.locale,
    title: release.title,
    summary: release.summary,
    body: release.body,
    status: release.status,
    publishAt: release.publishAt?.toISOString() ?? null,
    sourceName: release.sourceName,
    sourceUrl: release.sourceUrl,
    byline: release.byline,
    statedPublishAt: release.statedPublishAt?.toISOString() ?? null,
    categoryId: release.categoryId,
    editionId: release.editionId,
    isEditionResults: release.isEditionResults,
    leadImageId: release.leadImageId,
    tags: release.tags.map((t) => t.tag.name),
    figures: release.figures.map((f) => ({
      ...plainFigureFields(f),
      value: f.value.toString(),
      unitScale: f.unitScale.toString(),
    })),
  };
}

/** A revision of the release as stored, or of the given (proposed) content. */
export async function createRevision(
  tx: Tx,
  input: {
    releaseId: string;
    version: number;
    action: string;
    note?: string | null;
    authorId?: string | null;
    snapshot?: ReleaseSnapshot;
  },
) {
  const snapshot = input.snapshot ?? (await snapshotRelease(tx, input.releaseId));
  return tx.revision.create({
    data: {
      releaseId: input.releaseId,
      version: input.version,
      action: input.action,
      note: input.note ?? null,
      snapshot,
      authorId: input.authorId ?? null,
    },
  });
}
