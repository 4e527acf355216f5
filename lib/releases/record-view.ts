import "server-only";
import { db } from "../db";
import { onShutdown } from "../shutdown";
import { RecentViews } from "./recent-views";
import { publicReleaseSql } from "../publication/visibility-sql";

/**
 * View counting. A view counts once per client address per release per hour; counts are added up
 * in memory and written every few seconds in one statement for all releases, so a busy release
 * is not one row lock per reader. Raw SQL so the count neither moves updatedAt nor refreshes a cache.
 * Each app server keeps its own tally and adds it to the database, so servers need no coordination
 * (an address may count once per server and hour behind a load balancer without sticky sessions).
 */
const WINDOW_MS = 3600_000;
const MAX_RECENT = 50_000;
export const VIEW_FLUSH_MS = 5_000;

// `flushes` counts flush starts and ends: a count read from the database while it changed may or
// may not include what was pending, so it is read again.
type State = {
  recent: RecentViews;
  pending: Map<string, number>;
  flushes: number;
  timer?: NodeJS.Timeout;
  flushing?: Promise<void>;
};
// On globalThis: Next may load this module more than once (route bundles), the tally must be one.
const STATE = Symbol.for("pressroom.view-tally");
const holder = globalThis as typeof globalThis & { [STATE]?: State };

function state(): State {
  holder[STATE] ??= { recent: new RecentViews(MAX_RECENT, WINDOW_MS), pending: new Map(), flushes: 0 };
  return holder[STATE];
}

/**
 * Notes a view of a public release by `address` and returns the count to show (stored plus not yet
 * written), or null when no public release has this slug.
 */
export async function recordView(slug: string, address: string): Promise<number | null> {
  const s = state();
  let release: { id: string; viewCount: number } | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const flushes = s.flushes;
    const rows = await db.$queryRaw<Array<{ id: string; viewCount: number }>>`
      SELECT id, "viewCount" FROM release
      WHERE slug = ${slug} AND ${publicReleaseSql()}`;
    release = rows[0];
    if (!release || (flushes === s.flushes && !s.flushing)) break;
    if (s.flushing) await s.flushing.catch(() => {});
  }
  if (!release) return null;
  if (s.recent.firstInWindow(address, release.id)) {
    s.pending.set(release.id, (s.pending.get(release.id) ?? 0) + 1);
    if (!s.timer) {
      s.timer = setInterval(
        () => void flushViews().catch((error: unknown) => console.error(error)),
        VIEW_FLUSH_MS,
      );
      s.timer.unref();
      onShutdown(flushViews);
    }
  }
  return release.viewCount + (s.pending.get(release.id) ?? 0);
}

/** Writes the counted views: one UPDATE for every release viewed since the last flush. */
export async function flushViews(): Promise<void> {
  const s = state();
  if (s.flushing) await s.flushing;
  if (!s.pending.size) return;
  const batch = [...s.pending];
  s.pending.clear();
  const ids = batch.map(([id]) => id);
  const counts = batch.map(([, n]) => n);
  s.flushes++;
  s.flushing = (async () => {
    try {
      await db.$executeRaw`
        UPDATE release AS r SET "viewCount" = r."viewCount" + v.n
        FROM unnest(${ids}::uuid[], ${counts}::int[]) AS v(id, n)
        WHERE r.id = v.id`;
    } catch (error) {
      // Kept for the next flush rather than lost (the database may be restarting).
      for (const [id, n] of batch) s.pending.set(id, (s.pending.get(id) ?? 0) + n);
      throw error;
    } finally {
      s.flushes++;
      s.flushing = undefined;
    }
  })();
  await s.flushing;
}

/** Views not yet written, for tests and shutdown. */
export function pendingViews(): number {
  let total = 0;
  for (const n of state().pending.values()) total += n;
  return total;
}
