import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { FigureQualifier } from "../generated/prisma/enums";
import { db, type Tx } from "../db";
import { bodyToText } from "../content/sanitize-body";
import { powerOfTen, shiftDecimal } from "../figures/decimal";
import { formatFigure } from "../figures/format";
import { normaliseForSearch } from "./normalise-text";
import { INDEXED_TEXT_LENGTH, snippetSource, type SnippetSource } from "./snippet";
import { documentLexemes, tsvectorLiteral } from "./tokenise";

export interface SearchableFigure {
  label: string;
  value: { toString(): string };
  unit: string;
  unitScale: { toString(): string };
  qualifier: FigureQualifier;
  qualifierWord: string | null;
  mention: string | null;
}

export interface SearchableRelease {
  slug: string;
  title: string;
  summary: string;
  body: string;
  tags: string[];
  figures: SearchableFigure[];
}

const lexemesOf = (...texts: string[]) => {
  const set = new Set<string>();
  for (const text of texts) documentLexemes(normaliseForSearch(text), set);
  return set;
};

/** The figures' own words, which a figure-tier hit's snippet shows (search-releases.ts). */
const figureWords = (figures: Array<{ label: string; mention: string | null }>) =>
  figures.map((f) => `${f.label} ${f.mention ?? ""}`).join("；");

/**
 * A release's search document: its four vectors and the prepared sources of its snippets.
 * Figures count as written (3425亿元), as their mention in the text and as plain base digits
 * (342500000000), so a reader who types any of them finds the release. The body counts up to its
 * first INDEXED_TEXT_LENGTH characters: beyond it a body is not what anyone searches.
 */
export function buildSearchDocument(release: SearchableRelease) {
  const bodyText = bodyToText(release.body);
  const figureTexts = release.figures.flatMap((f) => {
    const value = f.value.toString();
    return [
      f.label,
      formatFigure({ value, unit: f.unit, qualifier: f.qualifier, qualifierWord: f.qualifierWord }),
      shiftDecimal(value, powerOfTen(f.unitScale.toString())),
      f.mention ?? "",
    ];
  });
  const title = lexemesOf(release.title);
  const summary = lexemesOf(release.summary);
  const figures = lexemesOf(...figureTexts);
  const all = lexemesOf(
    bodyText.slice(0, INDEXED_TEXT_LENGTH),
    ...release.tags,
    release.slug.replace(/-/g, " "),
  );
  for (const set of [title, summary, figures]) for (const lexeme of set) all.add(lexeme);
  return {
    vectors: {
      title: tsvectorLiteral(title),
      summary: tsvectorLiteral(summary),
      figures: tsvectorLiteral(figures),
      all: tsvectorLiteral(all),
    },
    snippets: {
      body: snippetSource(bodyText),
      summary: snippetSource(release.summary),
      figures: snippetSource(figureWords(release.figures)),
    },
  };
}

const SEARCHABLE_SELECT = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  body: true,
  tags: { select: { tag: { select: { name: true } } } },
  figures: {
    select: {
      label: true,
      value: true,
      unit: true,
      unitScale: true,
      qualifier: true,
      qualifierWord: true,
      mention: true,
    },
    orderBy: { sortOrder: "asc" },
  },
} satisfies Prisma.ReleaseSelect;

type ReleaseRow = Prisma.ReleaseGetPayload<{ select: typeof SEARCHABLE_SELECT }>;

const asSearchable = (row: ReleaseRow): SearchableRelease => ({
  ...row,
  tags: row.tags.map((t) => t.tag.name),
});

type SearchDocument = ReturnType<typeof buildSearchDocument>;

function upsertSql(rows: Array<{ id: string; document: SearchDocument }>) {
  const text = (source: SnippetSource) => Prisma.sql`${source.text}, ${source.normal}`;
  const values = rows.map(({ id, document: { vectors, snippets } }) => {
    const tsvectors = Prisma.sql`${vectors.title}::tsvector, ${vectors.summary}::tsvector, ${vectors.figures}::tsvector, ${vectors.all}::tsvector`;
    return Prisma.sql`(${id}::uuid, ${tsvectors}, ${text(snippets.body)}, ${text(snippets.summary)}, ${text(snippets.figures)}, now())`;
  });
  return Prisma.sql`
    INSERT INTO search_document ("releaseId", "titleVector", "summaryVector", "figureVector", "allVector",
      "bodySnippet", "bodySnippetNormal", "summarySnippet", "summarySnippetNormal",
      "figureSnippet", "figureSnippetNormal", "indexedAt")
    VALUES ${Prisma.join(values)}
    ON CONFLICT ("releaseId") DO UPDATE SET
      "titleVector" = EXCLUDED."titleVector", "summaryVector" = EXCLUDED."summaryVector",
      "figureVector" = EXCLUDED."figureVector", "allVector" = EXCLUDED."allVector",
      "bodySnippet" = EXCLUDED."bodySnippet", "bodySnippetNormal" = EXCLUDED."bodySnippetNormal",
      "summarySnippet" = EXCLUDED."summarySnippet", "summarySnippetNormal" = EXCLUDED."summarySnippetNormal",
      "figureSnippet" = EXCLUDED."figureSnippet", "figureSnippetNormal" = EXCLUDED."figureSnippetNormal",
      "indexedAt" = now()`;
}

/**
 * Writes the search document of a release from its rows, inside the transaction that changed
 * them (lib/releases/write-content.ts), so search never disagrees with what was committed.
 * Which readers may find it is decided at query time from the release row (publication rules).
 */
export async function refreshSearchDocument(tx: Tx, releaseId: string): Promise<void> {
  const row = await tx.release.findUniqueOrThrow({ where: { id: releaseId }, select: SEARCHABLE_SELECT });
  await tx.$executeRaw(upsertSql([{ id: row.id, document: buildSearchDocument(asSearchable(row)) }]));
}

/**
 * Rebuilds every search document (npm run search:reindex; the synthetic seed after inserting),
 * a batch of releases at a time in id order, so memory stays bounded whatever the archive's size.
 * `onlyMissing` indexes only releases without a complete document (at start: releases written by
 * another tool, and documents from before the snippet columns, which this rebuilds after the upgrade).
 */
export async function reindexAllSearchDocuments(
  options: { batchSize?: number; onlyMissing?: boolean; onBatch?: (done: number) => void } = {},
): Promise<{ indexed: number }> {
  const batchSize = options.batchSize ?? 200;
  let indexed = 0;
  let after: string | undefined;
  for (;;) {
    const rows = await db.release.findMany({
      where: {
        ...(after ? { id: { gt: after } } : {}),
        ...(options.onlyMissing
          ? { OR: [{ searchDocument: { is: null } }, { searchDocument: { is: { bodySnippet: null } } }] }
          : {}),
      },
      select: SEARCHABLE_SELECT,
      orderBy: { id: "asc" },
      take: batchSize,
    });
    if (!rows.length) break;
    await db.$executeRaw(
      upsertSql(rows.map((row) => ({ id: row.id, document: buildSearchDocument(asSearchable(row)) }))),
    );
    indexed += rows.length;
    after = rows[rows.length - 1].id;
    options.onBatch?.(indexed);
  }
  return { indexed };
}
