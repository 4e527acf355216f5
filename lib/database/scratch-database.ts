import "server-only";
import pg from "pg";
import type { RunningDatabase } from "./embedded";
import { migrateDatabase } from "./migrate";
import { StartupError } from "./startup-error";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/**
 * A fresh, migrated database on the server for one test run; dropped afterwards. Tests refuse a
 * server that is not on this machine: they create and drop databases. The server's administrator
 * creates it, but it belongs to the app's role and the tests connect as that role, so they run with
 * the privileges the app really has (for the embedded server: no superuser).
 */
export async function createScratchDatabase(server: RunningDatabase, prefix: string) {
  const serverUrl = new URL(server.serverUrl);
  if (!LOCAL_HOSTS.has(serverUrl.hostname)) {
    throw new StartupError(
      `Tests create and drop databases, so they only run against a local server; DATABASE_URL points at ${serverUrl.hostname}.`,
    );
  }
  const name = `${prefix}_${Date.now().toString(36)}_${process.pid}`;
  const owner = decodeURIComponent(new URL(server.url).username);
  const admin = new pg.Client({ connectionString: server.serverUrl });
  await admin.connect();
  try {
    // Left over by a run that was killed: older than an hour and nobody connected.
    const stale = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 AND datname NOT IN (SELECT datname FROM pg_stat_activity WHERE datname IS NOT NULL)`,
      [`${prefix}\\_%`],
    );
    const hourAgo = Date.now() - 3600_000;
    for (const row of stale.rows) {
      // The name carries its creation time: a database of a run still going on (between two connections) stays.
      const createdAt = parseInt(row.datname.slice(prefix.length + 1).split("_")[0], 36);
      if (Number.isFinite(createdAt) && createdAt < hourAgo)
        await admin.query(`DROP DATABASE IF EXISTS "${row.datname}"`);
    }
    await admin.query(`CREATE DATABASE "${name}" OWNER ${admin.escapeIdentifier(owner)}`);
  } finally {
    await admin.end();
  }
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  await migrateDatabase(url.toString());
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: server.serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
