import "server-only";
import pg from "pg";
import { getConfig } from "../config";
import { startEmbeddedPostgres, type RunningDatabase } from "./embedded";
import { StartupError } from "./startup-error";

function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return "(unparseable URL)";
  }
}

export async function assertReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const reason = error instanceof Error ? error.message || error.name : String(error);
    throw new StartupError(`Cannot reach the database at DATABASE_URL (${describeUrl(url)}): ${reason}`);
  } finally {
    await client.end().catch(() => {});
  }
}

/** DATABASE_URL when set, otherwise the embedded PostgreSQL (started, or joined if already running). */
export async function connectDatabase(): Promise<RunningDatabase> {
  const { DATABASE_URL } = getConfig();
  if (DATABASE_URL) {
    await assertReachable(DATABASE_URL);
    const server = new URL(DATABASE_URL);
    server.pathname = "/postgres";
    return { url: DATABASE_URL, serverUrl: server.toString(), startedHere: false, stop: async () => {} };
  }
  return startEmbeddedPostgres();
}
