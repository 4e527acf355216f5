import "server-only";
import pg from "pg";
import { db } from "../db";
import { PUBLIC_CHANGE_CHANNEL } from "./change-channel";
import { publicReleaseWhere } from "../publication/visibility";
import { CACHE_TAGS } from "./tags";
import { loadSlugRedirects } from "../releases/slug-redirect-map";
import { loadPublicIndex } from "../releases/public-index";
import { revalidateSecret } from "./revalidate-secret";
import {
  scheduledPublishLag,
  scheduledReleasesDue,
  scheduledReleasesPublished,
} from "../observability/metrics";
import { markWatcherTick } from "../observability/watcher-heartbeat";

/**
 * Runs in every app server. Each tick it reads (1) new rows of the invalidation outbox, written by
 * any server or CLI in the same transaction as a change, and (2) releases whose publish time has
 * just passed; then it asks its own server to refresh those tags. revalidateTag needs a request
 * context, hence the loopback request. Undelivered tags are retried on the next tick.
 *
 * A tick runs every pollMs, and at once when the database notifies a committed change
 * (recordPublicChange's pg_notify, lib/cache/change-channel.ts): waiting for the next poll, on a
 * busy server, was most of the time another server took to show a publish. The poll stays for what
 * is never notified (a scheduled release coming due, a notification lost while reconnecting).
 *
 * Outbox ids are taken when a row is written, not when its transaction commits, so a row can appear
 * after one with a higher id. Ids skipped over are therefore asked for again on each tick until
 * they turn up or GAP_WAIT_MS has passed (a rolled-back transaction leaves a gap for good).
 */
// Longer than any transaction that writes the outbox lives (Prisma's interactive ones end at 5 s).
const GAP_WAIT_MS = 60_000;
// A larger jump (a bulk write rolled back) is not tracked id by id: its newest ids are.
const MAX_TRACKED_GAPS = 1000;
// A listening connection that failed is opened again after this (the poll covers the meantime).
const RELISTEN_MS = 2000;

/**
 * Calls `onChange` for every notification on the public-change channel, and once each time the
 * listening connection is (re)established (a change may have been missed while it was down).
 * Returns a function that stops listening.
 */
export function listenForPublicChanges(onChange: () => void): () => void {
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | undefined;

  const connect = () => {
    if (stopped) return;
    const current = new pg.Client({ connectionString: process.env.DATABASE_URL });
    client = current;
    let failed = false;
    const fail = () => {
      if (failed) return;
      failed = true;
      current.end().catch(() => {});
      if (!stopped) retry = setTimeout(connect, RELISTEN_MS).unref();
    };
    current.on("notification", () => onChange());
    current.on("error", fail);
    current.on("end", fail);
    current
      .connect()
      .then(() => current.query(`LISTEN ${PUBLIC_CHANGE_CHANNEL}`))
      .then(() => onChange(), fail);
  };
  connect();
  return () => {
    stopped = true;
    clearTimeout(retry);
    client?.end().catch(() => {});
  };
}

export function startInvalidationWatcher(options: { port: number; pollMs: number; refreshOnStart: boolean }) {
  let lastId: bigint | null = null;
  const gaps = new Map<bigint, number>(); // skipped id -> when it was first skipped
  let lastCheck = new Date();
  // A restart may serve pages prerendered or cached before it: refresh everything once.
  const pending = new Set<string>(options.refreshOnStart ? [CACHE_TAGS.public] : []);
  // Publish times of scheduled releases that came due and are not yet refreshed here, for the lag metric.
  const duePublishTimes: Date[] = [];
  void loadSlugRedirects().catch(() => {});
  let running = false;
  // A notification that came during a tick: that tick may have read the outbox before the commit.
  let again = false;

  async function tick() {
    if (running) return;
    running = true;
    again = false;
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
      const due = await db.release.findMany({
        where: { AND: [publicReleaseWhere(now), { publishAt: { gt: lastCheck } }] },
        select: { publishAt: true },
      });
      if (due.length > 0) pending.add(CACHE_TAGS.releases);
      scheduledReleasesDue.inc(due.length);
      for (const { publishAt } of due) if (publishAt) duePublishTimes.push(publishAt);
      lastCheck = now;

      if (pending.size) {
        const tags = [...pending];
        // Side by side: the announcement makes the proxy check a miss against a fresh index anyway
        // (notePublicChange), so the refresh need not wait for the reloads.
        const [response] = await Promise.all([
          fetch(`http://127.0.0.1:${options.port}/api/internal/revalidate`, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${revalidateSecret()}` },
            body: JSON.stringify({ tags }),
          }),
          loadSlugRedirects(),
          loadPublicIndex(),
        ]);
        if (response.ok) tags.forEach((t) => pending.delete(t));
      }
      if (pending.size === 0) {
        // Refreshed here: the releases that came due are now what this server's readers get.
        const visibleAt = Date.now();
        const published = duePublishTimes.splice(0);
        for (const publishAt of published)
          scheduledPublishLag.observe((visibleAt - publishAt.getTime()) / 1000);
        scheduledReleasesPublished.inc(published.length);
      }
      markWatcherTick();
    } catch {
      // The server may still be starting, or the database restarting: try again next tick.
    } finally {
      running = false;
      if (again) void tick();
    }
  }

  const wake = () => {
    if (running) again = true;
    else void tick();
  };

  const timer = setInterval(tick, options.pollMs);
  timer.unref();
  void tick();
  const stopListening = listenForPublicChanges(wake);
  return () => {
    clearInterval(timer);
    stopListening();
  };
}
