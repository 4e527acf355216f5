// When this process's cache watcher (lib/cache/invalidation-watcher.ts) last completed a tick, for
// /readyz. On globalThis: the watcher runs in Next's bundle, /readyz in the production server script.
const KEY = Symbol.for("pressroom.watcher-heartbeat");
const holder = globalThis as typeof globalThis & { [KEY]?: number };

export function markWatcherTick(at = Date.now()) {
  holder[KEY] = at;
}

/** Milliseconds since the last completed tick, or undefined if none has completed yet. */
export function msSinceWatcherTick(now = Date.now()): number | undefined {
  const last = holder[KEY];
  return last === undefined ? undefined : now - last;
}
