import "server-only";
import { db } from "../db";
import { publicReleaseWhere } from "../publication/visibility";
import { CACHE_TAGS } from "./tags";
import { loadSlugRedirects } from "../releases/slug-redirect-map";
import { loadPublicIndex } from "../releases/public-index";
import { revalidateSecret } from "./revalidate-secret";

/**
 * Runs in every app server. Each tick it reads (1) new rows of the invalidation outbox, written by
 * any server or CLI in the same transaction as a change, and (2) releases whose publish time has
 * just passed; then it asks its own server to refresh those tags. revalidateTag needs a request
 * context, hence the loopback request. Undelivered tags are retried on the next tick.
 *
 * Outbox ids are taken when a row is written, not when its transaction commits, so a row can appear
 * after one with a higher id. Ids skipped over are therefore asked for again on each tick until
 * they turn up or GAP_WAIT_MS has passed (a rolled-back transaction leaves a gap for good).
 */
// Longer than any transaction that writes the outbox lives (Prisma's interactive ones end at 5 s).
const GAP_WAIT_MS = 60_000;
// A larger jump (a bulk write rolled back) is not tracked id by id: its newest ids are.
const MAX_TRACKED_GAPS = 1000;

export function startInvalidationWatcher(options: { port: number; pollMs: number; refreshOnStart: boolean }) {
  let lastId: bigint | null = null;
  const gaps = new Map<bigint, number>(); // skipped id -> when it was first skipped
  let lastCheck = new Date();
  // A restart may serve pages prerendered or cached before it: refresh everything once.
  const pending = new Set<string>(options.refreshOnStart ? [CACHE_TAGS.public] : []);
  void loadSlugRedirects().catch(() => {});
  let running = false;

  async function tick() {
    if (running) return;
    running = true;
    try {
      const now = new Date();
      if (lastId === null) {
        lastId = (await db.cacheInvalidation.aggregate({ _max: { id: true } }))._max.id ?? BigInt(0);
      } else {
        const rows = await db.cacheInvalidation.findMany({
          where: gaps.size
            ? { OR: [{ id: { gt: lastId } }, { id: { in: [...gaps.keys()] } }] }
            : { id: { gt: lastId } },
          orderBy: { id: "asc" },
          take: 500,
        });
        for (const row of rows) {
          row.tags.forEach((t) => pending.add(t));
          gaps.delete(row.id);
          if (row.id <= lastId) continue;
          const skippedFrom =
            row.id - lastId > MAX_TRACKED_GAPS ? row.id - BigInt(MAX_TRACKED_GAPS) : lastId + 1n;
          for (let id = skippedFrom; id < row.id; id++) gaps.set(id, now.getTime());
          lastId = row.id;
        }
        for (const [id, since] of gaps) if (now.getTime() - since > GAP_WAIT_MS) gaps.delete(id);
      }
      const due = await db.release.count({
        where: { AND: [publicReleaseWhere(now), { publishAt: { gt: lastCheck } }] },
      });
      if (due > 0) pending.add(CACHE_TAGS.releases);
      lastCheck = now;

      if (pending.size) {
        await Promise.all([loadSlugRedirects(), loadPublicIndex()]);
        const tags = [...pending];
        const response = await fetch(`http://127.0.0.1:${options.port}/api/internal/revalidate`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${revalidateSecret()}` },
          body: JSON.stringify({ tags }),
        });
        if (response.ok) tags.forEach((t) => pending.delete(t));
      }
    } catch {
      // The server may still be starting, or the database restarting: try again next tick.
    } finally {
      running = false;
    }
  }

  const timer = setInterval(tick, options.pollMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
