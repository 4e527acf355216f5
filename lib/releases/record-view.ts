import { db } from "../db";
import { publicReleaseSql } from "../publication/visibility-sql";

/**
 * Counts one view of a public release, atomically, and returns the new count. A raw UPDATE so the
 * count neither moves the release's updatedAt nor refreshes any cache.
 */
export async function recordView(slug: string): Promise<number | null> {
  const rows = await db.$queryRaw<Array<{ viewCount: number }>>`
    UPDATE release SET "viewCount" = "viewCount" + 1
    WHERE slug = ${slug} AND ${publicReleaseSql()}
    RETURNING "viewCount"`;
  return rows[0]?.viewCount ?? null;
}
