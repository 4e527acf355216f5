import "server-only";
import { db } from "../db";
import { requirePermission, type Actor } from "../auth/actor";
import type { RegistryKey } from "./figure-from-text";

/** The registry for its admin page: every key with how many figures use it. */
export async function listFigureKeys(actor: Actor | null) {
  requirePermission(actor, "figureKey.manage");
  const rows = await db.figureKey.findMany({
    orderBy: { key: "asc" },
    select: {
      key: true,
      label: true,
      labelEn: true,
      baseUnit: true,
      kind: true,
      higherIsBetter: true,
      aliases: true,
      _count: { select: { figures: true } },
    },
  });
  return rows.map(({ _count, ...entry }) => ({ ...entry, figureCount: _count.figures }));
}

export type RegistryRow = Awaited<ReturnType<typeof listFigureKeys>>[number];

/** The registry for the editor's suggestions (key cell, 标为数据): anyone who edits releases. */
export async function listFigureKeysForEditing(actor: Actor | null): Promise<RegistryKey[]> {
  requirePermission(actor, "release.edit");
  return db.figureKey.findMany({
    orderBy: { key: "asc" },
    select: { key: true, label: true, baseUnit: true, aliases: true },
  });
}
