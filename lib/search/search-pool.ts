import "server-only";
import pg from "pg";
import type { Prisma } from "../generated/prisma/client";
import { noteDatabaseUnavailable } from "../database/health";
import { AppError, databaseUnavailableError } from "../errors";
import { instrumentPool } from "../observability/db-metrics";

/** No statement of a search may keep PostgreSQL busy longer than this (issue 13): it is cancelled instead. */
export const SEARCH_STATEMENT_TIMEOUT_MS = 100;
// A few connections: searches beyond them wait for one instead of crowding the cores.
const SEARCH_CONNECTIONS = 4;
// How long a search waits for a connection (a new one, or one of the four coming free), and for an
// answer from a database that stopped answering (statement_timeout cannot end that wait).
const CONNECT_WAIT_MS = 2000;
const ANSWER_WAIT_MS = 2000;

/**
 * The connections searches run on: plain pg, no Prisma, each started with the search's limits, so a
 * search is its statements and nothing else (no BEGIN/SET/COMMIT round trips, no Prisma work per
 * statement: measured at 10,000 releases, most of a search's time, not PostgreSQL's). No sequential
 * scans: for a query most releases match, the planner prefers one that reads every vector (wide,
 * out of line) over the GIN lookups that read none.
 */
const store: typeof globalThis & { __pressroomSearchPool?: pg.Pool } = globalThis;
function searchPool(): pg.Pool {
  if (!store.__pressroomSearchPool) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString)
      throw new Error("DATABASE_URL is not set: start the app with npm run dev / npm start.");
    store.__pressroomSearchPool = instrumentPool(
      new pg.Pool({
        connectionString,
        max: SEARCH_CONNECTIONS,
        connectionTimeoutMillis: CONNECT_WAIT_MS,
        query_timeout: ANSWER_WAIT_MS,
        keepAlive: true,
        options: `-c statement_timeout=${SEARCH_STATEMENT_TIMEOUT_MS} -c enable_seqscan=off`,
      }),
    );
  }
  return store.__pressroomSearchPool;
}

/** A search's statements, on one connection of the search pool. */
export interface SearchSession {
  query<T>(sql: Prisma.Sql): Promise<T[]>;
  /**
   * From here on in this search, no walk of an ordered index: from the second tier on the planner
   * misjudges what "not in the earlier tiers" leaves, and a walk of a tier that is nearly empty
   * reads a vector for every release (302 ms for the body tier of 新能源汽车 on 10,000). By GIN and
   * a sort, the cost is bounded by the tier's matches (10 ms there).
   */
  laterTiersByGin(): Promise<void>;
}

// pg-pool's words when no connection came free within connectionTimeoutMillis.
const POOL_BUSY = "timeout exceeded when trying to connect";
// SQLSTATEs of a server that cannot serve: class 08 (connection), 57P01-57P03 (shutting down, crashed, starting).
const SERVER_UNAVAILABLE = /^(08...|57P0[123])$/;

/** PostgreSQL refused or cancelled the statement; the connection itself is fine. */
function statementError(error: unknown): error is pg.DatabaseError {
  return error instanceof pg.DatabaseError && !SERVER_UNAVAILABLE.test(error.code ?? "");
}

/**
 * What a failure of the search pool means for the reader. A statement PostgreSQL answered with an
 * error is the statement's (a 500, logged), except its timeout and a server going away; anything
 * else pg raises here (refused or lost connection, no answer in time) is the database being
 * unreachable. Decided here, not in lib/errors.ts: only these calls are known to be pg's.
 */
export function searchFailure(error: unknown): unknown {
  if (statementError(error)) {
    if (error.code === "57014")
      return new AppError("unavailable", "搜索超时，请换用更具体的关键词再试", { retryAfterSeconds: 1 });
    return error;
  }
  if (error instanceof Error && error.message.startsWith(POOL_BUSY)) {
    return new AppError("unavailable", "搜索繁忙，请稍后再试", { retryAfterSeconds: 1 });
  }
  noteDatabaseUnavailable();
  return databaseUnavailableError("read");
}

/** Runs a search's statements on one connection of the search pool, and gives it back as it came. */
export async function withSearchTimeout<T>(run: (session: SearchSession) => Promise<T>): Promise<T> {
  let client: pg.PoolClient;
  try {
    client = await searchPool().connect();
  } catch (error) {
    throw searchFailure(error);
  }
  const connection = client;
  let indexWalksOff = false;
  // A connection that failed other than by its statement's own error is closed, not reused.
  let broken: Error | undefined;
  const noteBroken = (error: unknown) => {
    broken ??= error instanceof Error ? error : new Error(String(error));
  };
  // Lost while checked out (the server went away between statements): pg says so by an event.
  connection.on("error", noteBroken);
  const call = async <R>(text: string, values?: unknown[]): Promise<R[]> => {
    try {
      return (await connection.query(text, values)).rows as R[];
    } catch (error) {
      if (!statementError(error)) noteBroken(error);
      throw searchFailure(error);
    }
  };
  try {
    return await run({
      query: <R>(sql: Prisma.Sql) => call<R>(sql.text, sql.values),
      laterTiersByGin: async () => {
        indexWalksOff = true;
        await call("SET enable_indexscan = off");
      },
    });
  } finally {
    if (indexWalksOff && !broken) await call("RESET enable_indexscan").catch(() => {});
    connection.off("error", noteBroken);
    connection.release(broken);
  }
}
