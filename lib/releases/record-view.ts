import { db } from "../db";

/**
 * Counts one view of a public release, atomically, and returns the new count. A raw UPDATE so the
 * count neither moves the release's updatedAt nor refreshes any cache.
 */
export async function recordView(slug: string): Promise<number | null> {
  const rows = await db.$queryRaw<Array<{ viewCount: number }>>`
    UPDATE release SET "viewCount" = "viewCount" + 1
    WHERE slug = ${slug} AND status IN ('published', 'scheduled') AND "publishAt" <= now()
    RETURNING "viewCount"`;
  return rows[0]?.viewCount ?? null;
}
