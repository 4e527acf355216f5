import "server-only";
import type { Tx } from "../db";
import { sanitizeBody, sanitizePlainText } from "../content/sanitize-body";
import { figureRow } from "../figures/figure-row";
import { registerFigureKeys } from "../figures/key-registry";
import { assertOnlyResultsRelease } from "../editions/results-release";
import { refreshSearchDocument } from "../search/search-document";
import { AppError, type FieldIssue } from "../errors";
import { slugify } from "./slug";
import type { ReleaseInput } from "./schema";
import type { ReleaseSnapshot } from "./snapshot";
import { figureValuesDiffer } from "./figure-values";

/** The stored form of an editor's input, sanitised: what the rows get, and what a pending revision holds. */
export function releaseContent(input: ReleaseInput) {
  const text = (v: string | null) => v && sanitizePlainText(v);
  return {
    fields: {
      title: sanitizePlainText(input.title),
      slug: input.slug,
      summary: sanitizePlainText(input.summary),
      body: sanitizeBody(input.body),
      locale: input.locale,
      categoryId: input.categoryId,
      editionId: input.editionId,
      isEditionResults: input.isEditionResults,
      leadImageId: input.leadImageId,
      sourceName: text(input.sourceName),
      sourceUrl: input.sourceUrl,
      byline: text(input.byline),
      statedPublishAt: input.statedPublishAt,
    },
    tagNames: [...new Set(input.tags.map((n) => sanitizePlainText(n)).filter(Boolean))],
    figures: input.figures.map(figureRow),
  };
}

/** A revision snapshot of proposed content, keeping the live release's workflow state. */
export function snapshotFromInput(
  input: ReleaseInput,
  live: { status: ReleaseSnapshot["status"]; publishAt: Date | null },
): ReleaseSnapshot {
  const { fields, tagNames, figures } = releaseContent(input);
  return {
    ...fields,
    statedPublishAt: fields.statedPublishAt?.toISOString() ?? null,
    status: live.status,
    publishAt: live.publishAt?.toISOString() ?? null,
    tags: tagNames,
    figures,
  };
}

async function tagIds(tx: Tx, names: string[]) {
  const ids: string[] = [];
  for (const name of names) {
    const existing = await tx.tag.findUnique({ where: { name } });
    const tag =
      existing ??
      (await tx.tag.create({
        data: { name, slug: `${slugify(name)}-${Math.random().toString(36).slice(2, 7)}` },
      }));
    ids.push(tag.id);
  }
  return ids;
}

/** An edition or category id that names no row is a bad choice on its field (422), not a foreign-key 500. */
async function assertChoicesExist(tx: Tx, fields: { editionId: string | null; categoryId: string | null }) {
  const issues: FieldIssue[] = [];
  if (
    fields.editionId &&
    !(await tx.edition.findUnique({ where: { id: fields.editionId }, select: { id: true } }))
  )
    issues.push({ path: "editionId", message: "所选届次不存在，请重新选择" });
  if (
    fields.categoryId &&
    !(await tx.category.findUnique({ where: { id: fields.categoryId }, select: { id: true } }))
  )
    issues.push({ path: "categoryId", message: "所选分类不存在，请重新选择" });
  if (issues.length)
    throw new AppError("validation_failed", "提交的内容有误，请检查标出的字段。", { fields: issues });
}

/** Writes the editable content of a release (fields, tags, figures), sanitised, inside a transaction. */
export async function writeReleaseContent(tx: Tx, releaseId: string, input: ReleaseInput) {
  const { fields, tagNames, figures } = releaseContent(input);
  await assertChoicesExist(tx, fields);
  if (fields.isEditionResults && fields.editionId)
    await assertOnlyResultsRelease(tx, { releaseId, editionId: fields.editionId, locale: fields.locale });
  await tx.release.update({ where: { id: releaseId }, data: fields });
  await tx.releaseTag.deleteMany({ where: { releaseId } });
  const ids = await tagIds(tx, tagNames);
  if (ids.length) await tx.releaseTag.createMany({ data: ids.map((tagId) => ({ releaseId, tagId })) });

  const release = await tx.release.findUniqueOrThrow({
    where: { id: releaseId },
    select: { editionId: true },
  });
  await registerFigureKeys(tx, figures);
  const before = await tx.figure.findMany({ where: { releaseId }, orderBy: { sortOrder: "asc" } });
  if (figureValuesDiffer(before, figures))
    await tx.release.update({ where: { id: releaseId }, data: { figuresChangedAt: new Date() } });
  await tx.figure.deleteMany({ where: { releaseId } });
  if (figures.length)
    await tx.figure.createMany({
      data: figures.map((f, sortOrder) => ({ ...f, sortOrder, releaseId, editionId: release.editionId })),
    });
  await refreshSearchDocument(tx, releaseId);
}
