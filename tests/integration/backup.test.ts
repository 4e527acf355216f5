import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backup, restore } from "@/lib/database/backup";
import { migrationNames } from "@/lib/database/migrate";
import { createRelease } from "./factories";

// Its own database (scripts/test.ts): a restore replaces the whole schema, which the other test files share.
const url = process.env.RESTORE_TEST_DATABASE_URL;
const work = fs.mkdtempSync(path.join(os.tmpdir(), "pressroom-backup-test-"));
let client: pg.Client;

beforeAll(async () => {
  if (!url) throw new Error("RESTORE_TEST_DATABASE_URL is set by npm test -- integration");
  client = new pg.Client({ connectionString: url });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  fs.rmSync(work, { recursive: true, force: true });
});

const categorySlugs = async () =>
  (await client.query<{ slug: string }>("SELECT slug FROM category ORDER BY slug")).rows.map((r) => r.slug);

describe("db:backup and db:restore", () => {
  it("brings back the rows, the serial counters and the media files after a change", async () => {
    const tag = crypto.randomBytes(4).toString("hex");
    const mediaDir = path.join(work, "media");
    fs.mkdirSync(path.join(mediaDir, "ab"), { recursive: true });
    fs.writeFileSync(path.join(mediaDir, "ab", "photo.jpg"), "original bytes");
    await client.query(
      `INSERT INTO category (id, slug, name) VALUES ($1, $2, '成果发布 "引号" 与 \\ 反斜杠')`,
      [crypto.randomUUID(), `kept-${tag}`],
    );
    await client.query("INSERT INTO cache_invalidation (tags) VALUES ($1), ($2)", [["a"], ["b"]]);
    const before = await categorySlugs();
    const maxId = (await client.query<{ max: string }>("SELECT MAX(id)::text AS max FROM cache_invalidation"))
      .rows[0]!.max;

    const file = path.join(work, "backup.tar.gz");
    const result = await backup({ databaseUrl: url!, mediaDir, out: file });
    expect(result.media).toBe(true);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    // The changes a restore must undo.
    await client.query("DELETE FROM category WHERE slug = $1", [`kept-${tag}`]);
    await client.query("INSERT INTO category (id, slug, name) VALUES ($1, $2, '之后')", [
      crypto.randomUUID(),
      `later-${tag}`,
    ]);
    fs.writeFileSync(path.join(mediaDir, "ab", "photo.jpg"), "overwritten");
    fs.writeFileSync(path.join(mediaDir, "new.png"), "added after the backup");

    await restore({ databaseUrl: url!, mediaDir, file });

    expect(await categorySlugs()).toEqual(before);
    const name = (
      await client.query<{ name: string }>("SELECT name FROM category WHERE slug = $1", [`kept-${tag}`])
    ).rows[0]?.name;
    expect(name).toBe('成果发布 "引号" 与 \\ 反斜杠');
    expect(fs.readFileSync(path.join(mediaDir, "ab", "photo.jpg"), "utf8")).toBe("original bytes");
    expect(fs.existsSync(path.join(mediaDir, "new.png"))).toBe(false);
    // Every migration is recorded as applied, and serial ids continue after the restored rows.
    const applied = (
      await client.query<{ name: string }>("SELECT name FROM _pressroom_migrations ORDER BY name")
    ).rows;
    expect(applied.map((r) => r.name)).toEqual(migrationNames());
    const next = await client.query<{ id: string }>(
      "INSERT INTO cache_invalidation (tags) VALUES ($1) RETURNING id::text",
      [["c"]],
    );
    expect(BigInt(next.rows[0]!.id)).toBeGreaterThan(BigInt(maxId));
  });

  it("restores every table of a database with releases, figures, revisions and users exactly", async () => {
    // Figures (decimals, units, qualifiers), enums, arrays, JSON and timestamps, in the shared test database.
    await createRelease({ title: "备份往返 “引号” 标题" });
    const first = path.join(work, "source.tar.gz");
    await backup({ databaseUrl: process.env.DATABASE_URL!, out: first });
    await restore({ databaseUrl: url!, file: first });
    const again = path.join(work, "restored.tar.gz");
    await backup({ databaseUrl: url!, out: again });

    const tables = (file: string) => {
      execFileSync("tar", ["-xzf", file, "-C", work, "database.jsonl"]);
      const lines = fs.readFileSync(path.join(work, "database.jsonl"), "utf8").trimEnd().split("\n").slice(1);
      const byTable = new Map<string, string[]>();
      let rows: string[] = [];
      for (const line of lines) {
        if (line.startsWith('{"table":')) byTable.set(JSON.parse(line).table, (rows = []));
        else rows.push(line);
      }
      for (const list of byTable.values()) list.sort();
      return byTable;
    };
    const source = tables(first);
    const restored = tables(again);
    expect([...restored.keys()]).toEqual([...source.keys()]);
    expect(source.get("release")!.length).toBeGreaterThan(0);
    expect(source.get("figure")!.length).toBeGreaterThan(0);
    for (const [table, rows] of source) expect(restored.get(table), table).toEqual(rows);
  });

  it("refuses a file that is not a backup, and leaves the database as it was", async () => {
    const before = await categorySlugs();
    const bogus = path.join(work, "bogus.tar.gz");
    fs.writeFileSync(path.join(work, "database.jsonl"), '{"format":"other"}\n');
    execFileSync("tar", ["-czf", bogus, "-C", work, "database.jsonl"]);
    await expect(restore({ databaseUrl: url!, file: bogus })).rejects.toThrow(/not a Pressroom backup/);
    await expect(restore({ databaseUrl: url!, file: path.join(work, "missing.tar.gz") })).rejects.toThrow(
      /No backup/,
    );
    expect(await categorySlugs()).toEqual(before);
  });
});
