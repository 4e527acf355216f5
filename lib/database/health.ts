/**
 * When this process last failed to reach the database. Every query that fails because the database
 * is down or unreachable notes it (lib/db.ts), before its error reaches the page or route; the
 * production server reads it when the app answers 500, to say 503 "try again shortly" instead
 * (lib/http/outage-response.ts). Kept on globalThis: the production server script and Next's
 * bundles load their own copies of this module.
 */
const KEY = Symbol.for("pressroom.database-health");
const holder = globalThis as typeof globalThis & { [KEY]?: { lastUnavailableAt: number } };

// Long enough to cover a page whose render took a while after its query failed; short enough that
// a later, unrelated failure of a healthy app is not blamed on an outage that has ended.
export const OUTAGE_MEMORY_MS = 10_000;

/** Seconds a client should wait before asking again while the database is down (Retry-After). */
export const RETRY_AFTER_SECONDS = 5;

export function noteDatabaseUnavailable(now = Date.now()) {
  holder[KEY] = { lastUnavailableAt: now };
}

/** True when a query of this process found the database down within the last OUTAGE_MEMORY_MS. */
export function databaseRecentlyUnavailable(now = Date.now()): boolean {
  const last = holder[KEY]?.lastUnavailableAt;
  return last !== undefined && now - last < OUTAGE_MEMORY_MS;
}

/** Forgets past failures (tests). */
export function resetDatabaseHealth() {
  delete holder[KEY];
}
