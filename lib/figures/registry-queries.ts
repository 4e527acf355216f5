import "server-only";
import { db } from "../db";
import { requirePermission, type Actor } from "../auth/actor";

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
