import "server-only";
import { db } from "../db";
import { migrationNames } from "../database/migrate";
import { msSinceWatcherTick } from "./watcher-heartbeat";
import { purgeTargetsReachable } from "../cache/http-cache-purge";

/**
 * A readiness check: fails when it resolves to false or rejects; only a NotReady rejection's
 * message (a fixed phrase) is shown, never another error's text.
 */
export interface ReadinessCheck {
  name: string;
  run: () => Promise<void | boolean>;
}

const CHECK_TIMEOUT_MS = 2000;
export const WATCHER_MAX_SILENCE_MS = 5000;

export class NotReady extends Error {}

export const READINESS_CHECKS: ReadinessCheck[] = [
  {
    name: "database",
    run: async () => {
      await db.$queryRaw`SELECT 1`;
    },
  },
  {
    name: "migrations",
    run: async () => {
      const applied = new Set(
        (await db.$queryRaw<Array<{ name: string }>>`SELECT name FROM _pressroom_migrations`).map(
          (r) => r.name,
        ),
      );
      const missing = migrationNames().filter((name) => !applied.has(name)).length;
      if (missing > 0) throw new NotReady(`${missing} not applied`);
    },
  },
  {
    name: "cache-watcher",
    run: async () => {
      const silence = msSinceWatcherTick();
      if (silence === undefined) throw new NotReady("not run yet");
      if (silence > WATCHER_MAX_SILENCE_MS) throw new NotReady("no run within 5 s");
    },
  },
  {
    // Fails when a front cache in HTTP_CACHE_PURGE does not answer its purge location; none set: ok.
    name: "purge-targets",
    run: async () => (await purgeTargetsReachable()).ok,
  },
];

function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new NotReady("timed out")), CHECK_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs every check at once. Plain text, one line per check ("database ok", "migrations fail: 2 not
 * applied"); only this module's own phrases are shown, so no address, secret or version can leak.
 */
export async function checkReadiness(
  checks: ReadinessCheck[] = READINESS_CHECKS,
): Promise<{ ready: boolean; text: string }> {
  const results = await Promise.all(
    checks.map(async (check) => {
      try {
        const ok = (await withTimeout(check.run())) !== false;
        return { name: check.name, ok, reason: "" };
      } catch (error) {
        return { name: check.name, ok: false, reason: error instanceof NotReady ? error.message : "" };
      }
    }),
  );
  const text = results
    .map((r) => (r.ok ? `${r.name} ok` : `${r.name} fail${r.reason ? `: ${r.reason}` : ""}`))
    .join("\n");
  return { ready: results.every((r) => r.ok), text: `${text}\n` };
}
