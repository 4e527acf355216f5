import type { Tx } from "../db";
import { sanitizeBody, sanitizePlainText } from "../content/sanitize-body";
import { shiftDecimal } from "../figures/decimal";
import { resolveUnit } from "../figures/units";
import { slugify } from "./slug";
import type { ReleaseInput } from "./schema";

async function tagIds(tx: Tx, names: string[]) {
  const unique = [...new Set(names.map((n) => sanitizePlainText(n)).filter(Boolean))];
  const ids: string[] = [];
  for (const name of unique) {
    const existing = await tx.tag.findUnique({ where: { name } });
    const tag = existing ?? (await tx.tag.create({ data: { name, slug: `${slugify(name)}-${Math.random().toString(36).slice(2, 7)}` } }));
    ids.push(tag.id);
  }
  return ids;
}

/** Writes the editable content of a release (fields, tags, figures), sanitised, inside a transaction. */
export async function writeReleaseContent(tx: Tx, releaseId: string, input: ReleaseInput) {
  await tx.release.update({
    where: { id: releaseId },
    data: {
      title: sanitizePlainText(input.title),
      slug: input.slug,
      summary: sanitizePlainText(input.summary),
      body: sanitizeBody(input.body),
      locale: input.locale,
      categoryId: input.categoryId,
      editionId: input.editionId,
      leadImageId: input.leadImageId,
      sourceName: input.sourceName && sanitizePlainText(input.sourceName),
      sourceUrl: input.sourceUrl,
      byline: input.byline && sanitizePlainText(input.byline),
    },
  });
  await tx.releaseTag.deleteMany({ where: { releaseId } });
  const ids = await tagIds(tx, input.tags);
  if (ids.length) await tx.releaseTag.createMany({ data: ids.map((tagId) => ({ releaseId, tagId })) });

  const release = await tx.release.findUniqueOrThrow({ where: { id: releaseId }, select: { editionId: true } });
  await tx.figure.deleteMany({ where: { releaseId } });
  if (input.figures.length) {
    await tx.figure.createMany({
      data: input.figures.map((f, i) => {
        const unit = resolveUnit(f.unit);
        return {
          releaseId,
          editionId: release.editionId,
          key: f.key,
          label: sanitizePlainText(f.label),
          value: f.value,
          unit: unit.unit,
          unitScale: shiftDecimal("1", unit.exponent),
          baseUnit: unit.baseUnit,
          qualifier: f.qualifier,
          qualifierWord: f.qualifierWord,
          partOfKey: f.partOfKey,
          section: f.section && sanitizePlainText(f.section),
          sortOrder: i,
          highlighted: f.highlighted,
          isRecord: f.isRecord,
          recordNote: f.recordNote && sanitizePlainText(f.recordNote),
          sourceText: f.sourceText && sanitizePlainText(f.sourceText),
          mention: f.mention && sanitizePlainText(f.mention),
        };
      }),
    });
  }
}
