import type { Tx } from "../db";

/**
 * Records tags to refresh in the same transaction as the change. Every app server polls this
 * table (lib/cache/invalidation-watcher.ts), so all of them refresh, including after a CLI change.
 */
export async function queueInvalidation(tx: Tx, tags: string[]): Promise<void> {
  await tx.cacheInvalidation.create({ data: { tags: [...new Set(tags)] } });
}
