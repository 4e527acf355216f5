import "server-only";
import type { Tx } from "../db";
import { sanitizeBody, sanitizePlainText } from "../content/sanitize-body";
import { figureRow } from "../figures/figure-row";
import { registerFigureKeys } from "../figures/key-registry";
import { assertOnlyResultsRelease } from "../editions/results-release";
import { refreshSearchDocument } from "../search/search-document";
import { slugify } from "./slug";
import type { ReleaseInput } from "./schema";
import type { ReleaseSnapshot } from "./snapshot";

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

/** Writes the editable content of a release (fields, tags, figures), sanitised, inside a transaction. */
export async function writeReleaseContent(tx: Tx, releaseId: string, input: ReleaseInput) {
  const { fields, tagNames, figures } = releaseContent(input);
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
  await tx.figure.deleteMany({ where: { releaseId } });
  if (figures.length)
    await tx.figure.createMany({
      data: figures.map((f, sortOrder) => ({ ...f, sortOrder, releaseId, editionId: release.editionId })),
    });
  await refreshSearchDocument(tx, releaseId);
}
