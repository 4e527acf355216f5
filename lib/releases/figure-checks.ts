import "server-only";
import { db, type Tx } from "../db";
import { requirePermission, type Actor } from "../auth/actor";
import { AppError } from "../errors";
import { compareDecimal } from "../figures/decimal";
import { formatFigure } from "../figures/format";
import { runFigureChecks, type FigureCheckResults } from "../figures/checks/run-checks";
import type { EarlierValue } from "../figures/checks/types";
import { editingSnapshot } from "../publication/editing-snapshot";
import { publicReleaseWhere } from "../publication/visibility";
import type { ReleaseSnapshot } from "./snapshot";

export interface SignOffStatus {
  /** The release's edition asks a publisher to confirm each changed figure before publishing. */
  required: boolean;
  /** Figures whose value, unit or qualifier differs from what a publisher confirmed (or never confirmed). */
  unconfirmed: Array<{ key: string; label: string; display: string }>;
}

export interface ReleaseChecks extends FigureCheckResults {
  signOff: SignOffStatus;
}

/** A release id as the routes receive it; anything else is no release (404), not a database error. */
export const RELEASE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Earlier editions' values of the record keys: the same event, an earlier year, public releases only.
 * One value per edition: its results release's when it has one, otherwise the latest published.
 */
async function earlierSeries(tx: Tx, editionId: string, keys: string[]) {
  const edition = await tx.edition.findUnique({
    where: { id: editionId },
    select: { eventId: true, year: true },
  });
  if (!edition) return { earlier: {}, unavailable: "稿件的届次不存在" };
  const rows = await tx.figure.findMany({
    where: {
      key: { in: keys },
      release: { ...publicReleaseWhere(), edition: { eventId: edition.eventId, year: { lt: edition.year } } },
    },
    select: {
      key: true,
      value: true,
      unit: true,
      unitScale: true,
      baseUnit: true,
      qualifier: true,
      qualifierWord: true,
      release: { select: { isEditionResults: true, publishAt: true, edition: { select: { year: true } } } },
    },
  });
  rows.sort(
    (a, b) =>
      Number(b.release.isEditionResults) - Number(a.release.isEditionResults) ||
      (b.release.publishAt?.getTime() ?? 0) - (a.release.publishAt?.getTime() ?? 0),
  );
  const earlier: Record<string, EarlierValue[]> = {};
  for (const row of rows) {
    const year = row.release.edition!.year;
    const series = (earlier[row.key] ??= []);
    if (series.some((e) => e.year === year)) continue;
    series.push({
      year,
      value: row.value.toString(),
      unit: row.unit,
      unitScale: row.unitScale.toString(),
      baseUnit: row.baseUnit,
      qualifier: row.qualifier,
      qualifierWord: row.qualifierWord,
    });
  }
  return { earlier };
}

/** Which of the snapshot's figures a publisher still has to confirm (editions with sign-off only). */
export async function signOffStatus(
  tx: Tx,
  releaseId: string,
  snapshot: ReleaseSnapshot,
): Promise<SignOffStatus> {
  const edition = snapshot.editionId
    ? await tx.edition.findUnique({ where: { id: snapshot.editionId }, select: { signOffRequired: true } })
    : null;
  if (!edition?.signOffRequired) return { required: false, unconfirmed: [] };
  const confirmed = new Map(
    (await tx.figureSignOff.findMany({ where: { releaseId } })).map((s) => [s.key, s]),
  );
  const unconfirmed = snapshot.figures.filter((f) => {
    const s = confirmed.get(f.key);
    return (
      !s ||
      compareDecimal(s.value.toString(), f.value) !== 0 ||
      s.unit !== f.unit ||
      s.qualifier !== f.qualifier
    );
  });
  return {
    required: true,
    unconfirmed: unconfirmed.map((f) => ({
      key: f.key,
      label: f.label,
      display: formatFigure(f),
    })),
  };
}

/** The checks of the content a snapshot holds (the live rows, or pending changes), read in `tx`. */
export async function checkSnapshot(
  tx: Tx,
  releaseId: string,
  snapshot: ReleaseSnapshot,
): Promise<ReleaseChecks> {
  const recordKeys = snapshot.figures.filter((f) => f.isRecord).map((f) => f.key);
  const series = !recordKeys.length
    ? { earlier: {} }
    : snapshot.editionId
      ? await earlierSeries(tx, snapshot.editionId, recordKeys)
      : { earlier: {}, unavailable: "稿件未选择届次，无法与往届比较" };
  const directions = await tx.figureKey.findMany({
    where: { key: { in: recordKeys } },
    select: { key: true, higherIsBetter: true },
  });
  const checks = runFigureChecks({
    body: snapshot.body,
    figures: snapshot.figures,
    claims: {
      ...series,
      higherIsBetter: Object.fromEntries(directions.map((d) => [d.key, d.higherIsBetter])),
    },
  });
  return { ...checks, signOff: await signOffStatus(tx, releaseId, snapshot) };
}

/** For the editor: the checks of what is being edited (the pending changes of a live release, if any). */
export async function getReleaseChecks(actor: Actor | null, releaseId: string): Promise<ReleaseChecks> {
  requirePermission(actor, "release.edit");
  if (!RELEASE_ID.test(releaseId)) throw new AppError("not_found", "未找到该稿件");
  return db.$transaction(async (tx) => {
    const exists = await tx.release.count({ where: { id: releaseId } });
    if (!exists) throw new AppError("not_found", "未找到该稿件");
    return checkSnapshot(tx, releaseId, await editingSnapshot(tx, releaseId));
  });
}
