import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { revalidateTag } from "next/cache";
import type { Tx } from "../db";
import { PUBLIC_TAGS } from "../cache/tags";
import { PUBLIC_CHANGE_CHANNEL } from "../cache/change-channel";
import { purgeFrontCaches } from "../cache/http-cache-purge";
import { notePublicChange } from "../releases/public-index";
import { PUBLIC_CHANGE_HEADER } from "./public-change-header";

/**
 * "Public content changed": the one event every cache hangs off. A change readers can see writes
 * it into the outbox in its own transaction (recordPublicChange), so every server learns of it
 * (lib/cache/invalidation-watcher.ts), and announces it after the commit in the server that made
 * it (announcePublicChange). Subscribers run on both paths; `origin` tells them apart, so that
 * something to do once per change (a CDN purge) can run where the change was committed.
 * Nothing else empties a cache: a draft save, a submit or an autosave never announces.
 */
export interface PublicChange {
  tags: string[];
  origin: "commit" | "outbox";
}

type Subscriber = (change: PublicChange) => void;

/** Next's data cache and ISR pages, by tag (needs a request context; elsewhere the outbox covers it). */
function refreshNextTags(change: PublicChange) {
  for (const tag of change.tags) {
    try {
      // expire: 0 - the next visitor gets fresh content, never the stale page.
      revalidateTag(tag, { expire: 0 });
    } catch {
      return;
    }
  }
}

// The production server's response cache lives outside Next's bundle: the request that changed
// content tells it by a response header, which the server removes and acts on once the response
// has finished, when Next has applied the tags above (lib/http/public-change-signal.ts).
const scope = new AsyncLocalStorage<{ changed: boolean }>();

function signalResponseCaches() {
  const store = scope.getStore();
  if (store) store.changed = true;
}

// purgeFrontCaches: nginx or another front cache (HTTP_CACHE_PURGE), after this server's own caches.
const SUBSCRIBERS: Subscriber[] = [refreshNextTags, signalResponseCaches, notePublicChange, purgeFrontCaches];

export async function recordPublicChange(tx: Tx, tags: string[] = PUBLIC_TAGS): Promise<void> {
  await tx.cacheInvalidation.create({ data: { tags: [...new Set(tags)] } });
  // Delivered at commit (and dropped with a rollback): the other servers' watchers wake at once.
  await tx.$executeRaw`SELECT pg_notify(${PUBLIC_CHANGE_CHANNEL}, '')`;
}

export function announcePublicChange(change: PublicChange = { tags: PUBLIC_TAGS, origin: "commit" }) {
  for (const subscriber of SUBSCRIBERS) subscriber(change);
}

/** Runs a route handler so that a public change announced inside it marks its response. */
export async function withPublicChangeSignal(run: () => Promise<Response>): Promise<Response> {
  const store = { changed: false };
  const response = await scope.run(store, run);
  if (!store.changed) return response;
  try {
    response.headers.set(PUBLIC_CHANGE_HEADER, "1");
    return response;
  } catch {
    // Headers of a redirect or fetched response are immutable: mark a copy.
    const copy = new Response(response.body, response);
    copy.headers.set(PUBLIC_CHANGE_HEADER, "1");
    return copy;
  }
}
