import type pg from "pg";
import { dbPoolConnections, dbQueryErrors } from "./metrics";

// The pools to report on each scrape; on globalThis for the same reason as the metrics themselves.
const KEY = Symbol.for("pressroom.db-pools");
const holder = globalThis as typeof globalThis & { [KEY]?: Set<pg.Pool> };

type Query = (...args: unknown[]) => unknown;

/** Counts failed queries and failed connections of the pool, and lists it for the pool gauges. */
export function instrumentPool(pool: pg.Pool): pg.Pool {
  (holder[KEY] ??= new Set()).add(pool);
  pool.on("error", () => dbQueryErrors.inc());
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as Query;
    // pg's query takes a callback (the pool's own queries) or returns a promise (Prisma's adapter).
    const counted: Query = (...args) => {
      const last = args.length - 1;
      const callback = args[last];
      if (typeof callback === "function") {
        args[last] = (error: unknown, ...rest: unknown[]) => {
          if (error) dbQueryErrors.inc();
          return (callback as (...a: unknown[]) => unknown)(error, ...rest);
        };
        return query(...args);
      }
      const result = query(...args);
      if (result instanceof Promise) result.catch(() => dbQueryErrors.inc());
      return result;
    };
    Object.assign(client, { query: counted });
  });
  return pool;
}

/** Reads the pools' current use into the gauges, just before a scrape. */
export function recordPoolUse() {
  let total = 0;
  let idle = 0;
  let waiting = 0;
  for (const pool of holder[KEY] ?? []) {
    total += pool.totalCount;
    idle += pool.idleCount;
    waiting += pool.waitingCount;
  }
  dbPoolConnections.set({ state: "total" }, total);
  dbPoolConnections.set({ state: "idle" }, idle);
  dbPoolConnections.set({ state: "waiting" }, waiting);
}
