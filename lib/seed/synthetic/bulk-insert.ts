import "server-only";
import type { Tx } from "../../db";

/** A column and the PostgreSQL type its array parameter is cast to. */
export type Column = readonly [name: string, type: string];

/**
 * One INSERT for many rows: every column goes as one array parameter and `unnest` turns them back
 * into rows, so 12,500 figures are one statement with 22 parameters. Prisma's createMany builds a
 * parameter per cell instead and spent over 20 s on such a batch here (measured on the shared
 * machine), PostgreSQL about one. The column list is fixed by the caller, never by input.
 */
export async function bulkInsert(
  tx: Tx,
  table: string,
  columns: readonly Column[],
  rows: ReadonlyArray<Record<string, unknown>>,
): Promise<void> {
  if (!rows.length) return;
  const names = columns.map(([name]) => `"${name}"`).join(", ");
  const casts = columns.map(([, type], i) => `$${i + 1}::text[]::${type}[]`).join(", ");
  const arrays = columns.map(([name]) => rows.map((row) => toText(row[name])));
  await tx.$executeRawUnsafe(`INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${casts})`, ...arrays);
}

function toText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}
