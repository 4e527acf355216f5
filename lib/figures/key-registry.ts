import "server-only";
import type { Tx } from "../db";
import { AppError } from "../errors";
import type { FigureKind } from "../generated/prisma/enums";

const KIND_BY_BASE_UNIT: Record<string, FigureKind> = {
  "%": "percent",
  元: "money",
  平方米: "area",
  人次: "visits",
};

/** The kind a new key gets from its base unit; publishers can change it in the registry. */
export function kindForBaseUnit(baseUnit: string): FigureKind {
  return KIND_BY_BASE_UNIT[baseUnit] ?? "count";
}

/**
 * Makes sure every figure's key is in the registry before the figures are written: unknown keys
 * are added (label and base unit of the figure), and a figure whose base unit differs from its
 * key's is refused, because a key's values across editions must be comparable.
 */
export async function registerFigureKeys(
  tx: Tx,
  figures: readonly { key: string; label: string; baseUnit: string }[],
): Promise<void> {
  if (!figures.length) return;
  const keys = [...new Set(figures.map((f) => f.key))];
  const known = new Map(
    (
      await tx.figureKey.findMany({ where: { key: { in: keys } }, select: { key: true, baseUnit: true } })
    ).map((k) => [k.key, k.baseUnit]),
  );
  const fields = figures.flatMap((f, index) => {
    const baseUnit = known.get(f.key);
    return baseUnit !== undefined && baseUnit !== f.baseUnit
      ? [
          {
            path: `figures.${index}.unit`,
            message: `数据键“${f.key}”的基本单位是“${baseUnit}”，不能用“${f.baseUnit}”：请换单位或换一个键`,
          },
        ]
      : [];
  });
  if (fields.length) throw new AppError("validation_failed", fields[0].message, { fields });

  const fresh = figures.filter(
    (f, i) => !known.has(f.key) && figures.findIndex((g) => g.key === f.key) === i,
  );
  if (fresh.length)
    await tx.figureKey.createMany({
      data: fresh.map((f) => ({
        key: f.key,
        label: f.label,
        baseUnit: f.baseUnit,
        kind: kindForBaseUnit(f.baseUnit),
      })),
      skipDuplicates: true,
    });
}
