import "server-only";
import { db, type Tx } from "../db";
import { requirePermission, type Actor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../errors";
import { announcePublicChange, recordPublicChange } from "../publication/public-change";
import { publicReleaseWhere } from "../publication/visibility";
import {
  figureKeySchema,
  mergeFigureKeysSchema,
  renameFigureKeySchema,
  updateFigureKeySchema,
} from "./registry-schema";

// Publishers keep the registry: labels, kind, direction, and (while unused) the base unit; they
// rename a key or merge two. Renames and merges take one advisory lock, so two of them never
// interleave (a→b while b→a); each runs in one transaction with its audit entry.

async function lockRegistry(tx: Tx) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('figure-key-registry'))`;
}

async function findKey(tx: Tx, raw: string) {
  const key = figureKeySchema.safeParse(raw);
  const entry = key.success ? await tx.figureKey.findUnique({ where: { key: key.data } }) : null;
  if (!entry) throw new AppError("not_found", `没有数据键“${raw.slice(0, 64)}”`);
  return entry;
}

/** Whether readers see a figure of one of these keys: then /data, editions and release pages change. */
async function shownToReaders(tx: Tx, keys: string[]) {
  return (await tx.figure.count({ where: { key: { in: keys }, release: publicReleaseWhere() } })) > 0;
}

async function finish<T>(run: (tx: Tx) => Promise<{ result: T; publicChanged: boolean }>) {
  const outcome = await db.$transaction(run);
  if (outcome.publicChanged) announcePublicChange();
  return outcome.result;
}

export async function updateFigureKey(actor: Actor | null, key: string, raw: unknown) {
  const by = requirePermission(actor, "figureKey.manage");
  const input = updateFigureKeySchema.parse(raw);
  return finish(async (tx) => {
    await lockRegistry(tx);
    const before = await findKey(tx, key);
    if (input.baseUnit !== undefined && input.baseUnit !== before.baseUnit) {
      const used = await tx.figure.count({ where: { key: before.key } });
      if (used)
        throw new AppError("conflict", `已有 ${used} 项数据使用“${before.key}”，不能再改基本单位`, {
          fields: [{ path: "baseUnit", message: `已有 ${used} 项数据使用此键，基本单位不能再改` }],
        });
    }
    const entry = await tx.figureKey.update({ where: { key: before.key }, data: input });
    await recordAudit(tx, {
      actor: by,
      action: "figure_key.update",
      targetType: "figure_key",
      targetId: before.key,
      details: {
        before: {
          label: before.label,
          labelEn: before.labelEn,
          kind: before.kind,
          higherIsBetter: before.higherIsBetter,
          baseUnit: before.baseUnit,
        },
        after: input,
      },
      ip: by.ip,
    });
    const publicChanged = await shownToReaders(tx, [before.key]);
    if (publicChanged) await recordPublicChange(tx);
    return { result: entry, publicChanged };
  });
}

/** Points the figures' part/share links from one key to another (they are plain strings, not foreign keys). */
async function relinkParts(tx: Tx, from: string, to: string) {
  await tx.figure.updateMany({ where: { partOfKey: from }, data: { partOfKey: to } });
  await tx.figure.updateMany({ where: { shareOfKey: from }, data: { shareOfKey: to } });
}

export async function renameFigureKey(actor: Actor | null, key: string, raw: unknown) {
  const by = requirePermission(actor, "figureKey.manage");
  const { to } = renameFigureKeySchema.parse(raw);
  return finish(async (tx) => {
    await lockRegistry(tx);
    const entry = await findKey(tx, key);
    if (to === entry.key) return { result: entry, publicChanged: false };
    if (await tx.figureKey.findUnique({ where: { key: to }, select: { key: true } }))
      throw new AppError("conflict", `数据键“${to}”已存在：要把两者并为一个，请用“合并”`, {
        fields: [{ path: "to", message: `数据键“${to}”已存在` }],
      });
    // Figures and sign-offs follow by ON UPDATE CASCADE.
    const renamed = await tx.figureKey.update({ where: { key: entry.key }, data: { key: to } });
    await relinkParts(tx, entry.key, to);
    await recordAudit(tx, {
      actor: by,
      action: "figure_key.rename",
      targetType: "figure_key",
      targetId: to,
      details: { from: entry.key, to },
      ip: by.ip,
    });
    const publicChanged = await shownToReaders(tx, [to]);
    if (publicChanged) await recordPublicChange(tx);
    return { result: renamed, publicChanged };
  });
}

/**
 * Merges key `from` into `into`: every figure of `from` becomes one of `into`, its labels become
 * aliases of `into`, and `from` leaves the registry. Refused when the base units differ, or when
 * a release states both (it would hold one key twice), naming that release.
 */
export async function mergeFigureKeys(actor: Actor | null, from: string, raw: unknown) {
  const by = requirePermission(actor, "figureKey.manage");
  const input = mergeFigureKeysSchema.parse(raw);
  return finish(async (tx) => {
    await lockRegistry(tx);
    const source = await findKey(tx, from);
    const target = await findKey(tx, input.into);
    if (source.key === target.key) throw new AppError("validation_failed", "不能把数据键合并到它自己");
    if (source.baseUnit !== target.baseUnit)
      throw new AppError(
        "conflict",
        `“${source.key}”的基本单位是“${source.baseUnit}”，“${target.key}”的是“${target.baseUnit}”：单位不同的数据不能合并`,
      );
    const both = await tx.release.findFirst({
      where: {
        AND: [{ figures: { some: { key: source.key } } }, { figures: { some: { key: target.key } } }],
      },
      select: { title: true, slug: true },
      orderBy: { createdAt: "asc" },
    });
    if (both)
      throw new AppError(
        "conflict",
        `稿件《${both.title}》（${both.slug}）同时有“${source.key}”和“${target.key}”两项数据，不能合并：请先在稿件中删去或改用其中一项`,
      );
    const publicChanged = await shownToReaders(tx, [source.key, target.key]);
    const moved = await tx.figure.updateMany({ where: { key: source.key }, data: { key: target.key } });
    // A confirmation of a figure no longer on the release (it was removed) may still exist on both keys.
    const confirmed = await tx.figureSignOff.findMany({
      where: { key: target.key },
      select: { releaseId: true },
    });
    await tx.figureSignOff.deleteMany({
      where: { key: source.key, releaseId: { in: confirmed.map((c) => c.releaseId) } },
    });
    await tx.figureSignOff.updateMany({ where: { key: source.key }, data: { key: target.key } });
    await relinkParts(tx, source.key, target.key);
    const aliases = [
      ...new Set([...target.aliases, source.label, source.labelEn, ...source.aliases].filter(Boolean)),
    ].filter((a): a is string => a !== null && a !== target.label && a !== target.labelEn);
    const merged = await tx.figureKey.update({ where: { key: target.key }, data: { aliases } });
    await tx.figureKey.delete({ where: { key: source.key } });
    await recordAudit(tx, {
      actor: by,
      action: "figure_key.merge",
      targetType: "figure_key",
      targetId: target.key,
      details: { from: source.key, into: target.key, figures: moved.count, aliases },
      ip: by.ip,
    });
    if (publicChanged) await recordPublicChange(tx);
    return { result: merged, publicChanged };
  });
}
