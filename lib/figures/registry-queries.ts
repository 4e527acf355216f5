import { requirePermission, type Actor } from "../auth/actor";
import { db } from "../db";
import type { RegistryKey } from "./figure-from-text";

/** The figure key registry for the editor's suggestions (key cell, 标为数据): anyone who edits releases. */
export async function listFigureKeys(actor: Actor | null): Promise<RegistryKey[]> {
  requirePermission(actor, "release.edit");
  return db.figureKey.findMany({
    orderBy: { key: "asc" },
    select: { key: true, label: true, baseUnit: true, aliases: true },
  });
}
