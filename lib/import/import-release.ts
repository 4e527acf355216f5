import "server-only";
import { z } from "zod";
import { requirePermission, type Actor } from "../auth/actor";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import { FigureQualifier } from "../generated/prisma/enums";
import { optionalText } from "../figures/figure-input";
import { QUALIFIERS } from "../figures/qualifiers";
import { resolveUnit } from "../figures/units";
import { publicReleaseWhere } from "../publication/visibility";
import { createRelease } from "../releases/create-release";
import { analyzeRelease, type ImportProposal } from "./analyze-release";
import { readImportFile } from "./read-upload";
import { toSimplified } from "./script";
import type { RegistryKey } from "./suggest-key";
import { suggestPlacement, type PlacementSuggestion } from "./suggest-placement";

/** The key registry as the assistant matches against it. */
export async function loadRegistryKeys(): Promise<RegistryKey[]> {
  return db.figureKey.findMany({
    select: { key: true, label: true, baseUnit: true, aliases: true },
    orderBy: { key: "asc" },
  });
}

/** Keys that are key figures of a release readers see: an import proposes the same figures as key figures. */
export async function loadKeyFigureKeys(): Promise<Set<string>> {
  const rows = await db.figure.findMany({
    where: { highlighted: true, release: publicReleaseWhere() },
    select: { key: true },
    distinct: ["key"],
  });
  return new Set(rows.map((r) => r.key));
}

/** The edition and category the text suggests, among those that exist. */
export async function suggestImportPlacement(text: string, proposal: ImportProposal) {
  const [editions, categories] = await Promise.all([
    db.edition.findMany({
      select: {
        id: true,
        year: true,
        startDate: true,
        endDate: true,
        city: true,
        event: { select: { name: true } },
      },
    }),
    db.category.findMany({ select: { id: true, name: true } }),
  ]);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return suggestPlacement(
    {
      title: proposal.release.title,
      publishedAt: proposal.release.publishedAt,
      text: proposal.script === "traditional" ? toSimplified(text) : text,
    },
    {
      editions: editions.map((e) => ({
        id: e.id,
        year: e.year,
        startDate: day(e.startDate),
        endDate: day(e.endDate),
        city: e.city,
        eventName: e.event.name,
      })),
      categories,
    },
  );
}

export type ImportReview = ImportProposal & { placement: PlacementSuggestion };

/** Proposes a draft from pasted text or an uploaded file; reads the registry and editions, writes nothing. */
export async function proposeImport(
  actor: Actor | null,
  input: {
    text?: string | null;
    file?: { name: string; bytes: Uint8Array } | null;
    keepOriginalScript?: boolean;
  },
): Promise<ImportReview> {
  requirePermission(actor, "release.create");
  const text = input.file ? await readImportFile(input.file.name, input.file.bytes) : (input.text ?? "");
  const [registry, keyFigureKeys] = await Promise.all([loadRegistryKeys(), loadKeyFigureKeys()]);
  const proposal = analyzeRelease(text, {
    registry,
    keyFigureKeys,
    keepOriginalScript: input.keepOriginalScript,
  });
  return { ...proposal, placement: await suggestImportPlacement(text, proposal) };
}

const acceptedFigureSchema = z.object({
  key: z.string(),
  label: z.string(),
  value: z.string(),
  unit: z.string(),
  qualifier: z.enum(FigureQualifier).default("exact"),
  qualifierWord: z.string().nullable().default(null),
  section: optionalText(60, "板块"),
  highlighted: z.boolean().default(false),
  isRecord: z.boolean().default(false),
  recordNote: z.string().nullable().default(null),
  sourceText: z.string().nullable().default(null),
  mention: z.string().nullable().default(null),
});

export const importDraftSchema = z.object({
  release: z.object({
    title: z.string(),
    sourceName: z.string().nullable().default(null),
    byline: z.string().nullable().default(null),
    /** 原文发布时间 as reviewed (ISO with its zone, or the review's Beijing datetime-local value). */
    publishedAt: z.string().nullable().default(null),
    body: z.string().default(""),
  }),
  editionId: z.string().nullable().default(null),
  categoryId: z.string().nullable().default(null),
  figures: z.array(acceptedFigureSchema).max(300, "数据最多 300 项").default([]),
});
export type ImportDraftInput = z.input<typeof importDraftSchema>;

/**
 * Creates the draft from the rows the editor accepted, with the reviewed publication moment as its
 * 原文发布时间: the release's own creation (permission, validation, revision, audit, key
 * registration) with each new label added to its key's aliases, so the next import of the same
 * wording (in either script) finds the key.
 */
export async function createDraftFromImport(actor: Actor | null, raw: unknown) {
  requirePermission(actor, "release.create");
  const {
    release: { publishedAt, ...release },
    editionId,
    categoryId,
    figures,
  } = importDraftSchema.parse(raw);
  const rows = figures.map((f) => ({
    ...f,
    // A word the figure table does not know for its qualifier (达 for exact) is dropped, not refused.
    qualifierWord:
      f.qualifierWord && QUALIFIERS[f.qualifier].words.includes(f.qualifierWord) ? f.qualifierWord : null,
    // The editor accepted the unit as the text writes it, on the review screen.
    declaredUnit: !resolveUnit(f.unit).known,
  }));
  return createRelease(
    actor,
    { ...release, statedPublishAt: publishedAt, editionId, categoryId, figures: rows },
    (tx) => addLabelsToAliases(tx, rows),
  );
}

async function addLabelsToAliases(tx: Tx, figures: readonly { key: string; label: string }[]) {
  for (const figure of figures) {
    const label = figure.label.trim();
    const entry = await tx.figureKey.findUnique({
      where: { key: figure.key },
      select: { label: true, aliases: true },
    });
    if (!entry || !label || entry.label === label || entry.aliases.includes(label)) continue;
    await tx.figureKey.update({ where: { key: figure.key }, data: { aliases: { push: label } } });
  }
}

/** The edition of a year, for `release:import --edition YEAR` (one event per year is the rule). */
export async function findEditionIdByYear(year: number): Promise<string> {
  const editions = await db.edition.findMany({ where: { year }, select: { id: true } });
  if (editions.length === 0) throw new AppError("not_found", `没有 ${year} 年的届次`);
  if (editions.length > 1) throw new AppError("conflict", `${year} 年有多个届次，请在管理后台选择`);
  return editions[0].id;
}
