import "server-only";
import { AsyncResource } from "node:async_hooks";
import http from "node:http";
import https from "node:https";
import { getConfig, type FrontCacheTarget } from "../config";
import type { PublicChange } from "../publication/public-change";
import { listPurgePaths } from "./purge-paths";
import { SITE_SURROGATE_KEYS } from "./surrogate-keys.mjs";
import { purgesFailed, purgesSent } from "../observability/metrics";

/**
 * Front caches (HTTP_CACHE_PURGE) purged on "public content changed", one more subscriber of that
 * event (lib/publication/public-change.ts). Each server purges after its own caches were refreshed:
 * at once where the change was committed, and again when its watcher refreshes for the outbox row or
 * a scheduled release coming due. Every server does so on purpose (duplicates are harmless, a purge
 * is idempotent): a server that has not refreshed yet could refill the front with the old page, so
 * the front is only surely fresh after the last server's purge. Failures are retried with backoff and
 * logged; they never fail the change that caused them.
 */
export interface PurgeWork {
  /** Paths of this site (percent-encoded) that may be stale. */
  paths: string[];
  /** Surrogate keys (lib/cache/surrogate-keys.ts), for fronts that purge by tag. */
  keys: string[];
}

/**
 * One kind of front cache. nginx (ngx_cache_purge) purges by path; a tag-purging front would use
 * `keys`: Fastly `POST /service/<id>/purge/<key>` (Fastly-Key header), Cloudflare
 * `POST /zones/<id>/purge_cache {"tags": [...]}`, Varnish with xkey a `PURGE` carrying `xkey: <key>`.
 */
export interface FrontCacheAdapter {
  readonly name: string;
  /** Sends the purges; resolves with the paths (or keys) that failed, to be retried. */
  purge(work: PurgeWork): Promise<string[]>;
  /** Whether the cache answers purges from this server at all (for /readyz). */
  reachable(): Promise<{ ok: boolean; detail: string }>;
}

export const PURGE_PATH_PREFIX = "/_purge";
// nginx keeps one copy per encoding (deploy config: "$uri|$pressroom_encoding"): purge both.
const ENCODINGS = ["gzip", "identity"];
const CONCURRENCY = 16;
const REQUEST_TIMEOUT_MS = 2000;

function request(url: URL, headers: Record<string, string>): Promise<number> {
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, {
      method: "GET",
      headers,
      agent: agentFor(url),
      timeout: REQUEST_TIMEOUT_MS,
    });
    req.once("response", (res) => {
      res.resume();
      res.once("end", () => resolve(res.statusCode ?? 0));
    });
    req.once("timeout", () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
    req.once("error", reject);
    req.end();
  });
}

const agents = new Map<string, http.Agent>();
function agentFor(url: URL): http.Agent {
  let agent = agents.get(url.protocol);
  if (!agent) {
    const options = { keepAlive: true, maxSockets: CONCURRENCY };
    agent = url.protocol === "https:" ? new https.Agent(options) : new http.Agent(options);
    agents.set(url.protocol, agent);
  }
  return agent;
}

/** nginx with ngx_cache_purge: GET <base>/_purge<path>; 200 (purged) and 404 (not cached) both mean done. */
export function nginxAdapter(base: string): FrontCacheAdapter {
  const purgeUrl = (path: string) => new URL(`${base}${PURGE_PATH_PREFIX}${path}`);
  return {
    name: `nginx ${base}`,
    async purge({ paths }) {
      const jobs = paths.flatMap((path) => ENCODINGS.map((encoding) => ({ path, encoding })));
      const failed = new Set<string>();
      let next = 0;
      const worker = async () => {
        while (next < jobs.length) {
          const { path, encoding } = jobs[next++]!;
          const status = await request(purgeUrl(path), { "accept-encoding": encoding }).catch(() => 0);
          if (status !== 200 && status !== 404) failed.add(path);
        }
      };
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, jobs.length) }, worker));
      return [...failed];
    },
    async reachable() {
      try {
        const status = await request(purgeUrl("/"), { "accept-encoding": "identity" });
        if (status === 200 || status === 404) return { ok: true, detail: "ok" };
        return { ok: false, detail: status === 403 ? "purge refused from this address" : `HTTP ${status}` };
      } catch (error) {
        return { ok: false, detail: error instanceof Error ? error.message : "unreachable" };
      }
    },
  };
}

export function frontCacheAdapters(targets: FrontCacheTarget[]): FrontCacheAdapter[] {
  return targets.map((target) => nginxAdapter(target.url));
}

type Counters = { sent: number; failed: number };
const store: typeof globalThis & {
  __pressroomPurge?: { pending: Set<number>; counters: Counters };
} = globalThis;
const state = () => (store.__pressroomPurge ??= { pending: new Set(), counters: { sent: 0, failed: 0 } });

/** Purges sent and failed by this process (for metrics). */
export function frontCachePurgeCounters(): Counters {
  return { ...state().counters };
}

export const PURGE_RETRY_DELAYS_MS = [500, 1000, 2000, 4000, 8000];

/** Purges `work` from one front, retrying what failed with backoff; logs and resolves false if it never succeeds. */
export async function purgeWithRetries(
  adapter: FrontCacheAdapter,
  work: PurgeWork,
  retryDelaysMs: number[] = PURGE_RETRY_DELAYS_MS,
): Promise<boolean> {
  let remaining = work;
  for (let attempt = 0; ; attempt++) {
    const failed = await adapter.purge(remaining).catch(() => [...remaining.paths, ...remaining.keys]);
    const counters = state().counters;
    const sent = remaining.paths.length + remaining.keys.length - failed.length;
    counters.sent += sent;
    purgesSent.inc({ cache: adapter.name }, sent);
    if (failed.length === 0) return true;
    const delay = retryDelaysMs[attempt];
    if (delay === undefined) {
      counters.failed += failed.length;
      purgesFailed.inc({ cache: adapter.name }, failed.length);
      console.error(
        `[front-cache] purge of ${failed.length} address(es) from ${adapter.name} failed after ${attempt + 1} attempts (first: ${failed[0]})`,
      );
      return false;
    }
    remaining = {
      paths: remaining.paths.filter((p) => failed.includes(p)),
      keys: remaining.keys.filter((k) => failed.includes(k)),
    };
    await new Promise((resolve) => setTimeout(resolve, delay).unref());
  }
}

// After a change: once the response that announced it has finished and Next has applied its tags,
// and once more after the response cache's settling second (lib/http/response-cache.ts, SETTLE_MS):
// a page nginx fetched in between could still be one Next rendered before it applied the change.
const PURGE_DELAYS_MS = [250, 1250];

async function purgeAll(adapters: FrontCacheAdapter[]) {
  let paths: string[];
  try {
    paths = await listPurgePaths();
  } catch (error) {
    console.error("[front-cache] could not list the addresses to purge:", error);
    return;
  }
  await Promise.all(
    adapters.map((adapter) => purgeWithRetries(adapter, { paths, keys: SITE_SURROGATE_KEYS })),
  );
}

// Purges run outside the request that announced the change: a timer set inside it would carry
// that request's async context (Next's request stores) into the background work.
const detached = new AsyncResource("pressroom-front-cache-purge");

/** The subscriber: schedules the purges (coalesced: a burst of changes sends each round once). */
export function purgeFrontCaches(change: PublicChange) {
  void change;
  const adapters = frontCacheAdapters(getConfig().HTTP_CACHE_PURGE);
  if (adapters.length === 0) return;
  const { pending } = state();
  for (const delay of PURGE_DELAYS_MS) {
    if (pending.has(delay)) continue;
    pending.add(delay);
    detached.runInAsyncScope(() =>
      setTimeout(() => {
        pending.delete(delay);
        void purgeAll(adapters).catch((error: unknown) => console.error("[front-cache]", error));
      }, delay).unref(),
    );
  }
}

/** For /readyz: every configured front cache answers purges from this server (true when none is configured). */
export async function purgeTargetsReachable(): Promise<{
  ok: boolean;
  targets: Array<{ name: string; ok: boolean; detail: string }>;
}> {
  const adapters = frontCacheAdapters(getConfig().HTTP_CACHE_PURGE);
  const targets = await Promise.all(adapters.map(async (a) => ({ name: a.name, ...(await a.reachable()) })));
  return { ok: targets.every((t) => t.ok), targets };
}
