// npm run db:migrate | db:seed | db:reset | db:url | db:diff -- <name>
// npm run db:seed -- --synthetic 10000 [--force] [--seed N] | --remove-synthetic (load-test archive)
// Works whether or not the server is running: it joins a running embedded PostgreSQL.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { connectDatabase } from "../lib/database/connect";
import { migrateDatabase } from "../lib/database/migrate";
import { StartupError } from "../lib/database/startup-error";
import { runCli } from "./run-cli";
import { printSignIn } from "./sign-in-banner";

async function reset(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
  } finally {
    await client.end();
  }
}

function prismaEnv(url: string) {
  // Any existing file stops Prisma's CLI from trying to download a native engine (unreachable here).
  return { ...process.env, DATABASE_URL: url, PRISMA_QUERY_ENGINE_LIBRARY: path.resolve("package.json") };
}

function diff(url: string, name: string) {
  if (!/^[a-z0-9_]+$/.test(name))
    throw new Error("Name the migration in snake_case: npm run db:diff -- add_search");
  const dir = path.resolve("prisma/migrations");
  const previous = path.join(dir, "schema.prisma.applied");
  const from = fs.existsSync(previous) ? ["--from-schema-datamodel", previous] : ["--from-empty"];
  const sql = execFileSync(
    "npx",
    ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    { env: prismaEnv(url), encoding: "utf8" },
  );
  if (!/CREATE|ALTER|DROP/.test(sql)) {
    console.log("No schema changes.");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const target = path.join(dir, `${stamp}_${name}`);
  fs.mkdirSync(target, { recursive: true });
  fs.writeFileSync(path.join(target, "migration.sql"), sql);
  // The schema as of the newest migration: the next diff starts from it.
  fs.copyFileSync("prisma/schema.prisma", previous);
  console.log(`Wrote ${path.relative(process.cwd(), target)}/migration.sql`);
}

type SyntheticRequest = { remove: true } | { remove: false; count: number; force: boolean; seed?: number };

function syntheticRequest(args: string[]): SyntheticRequest | null {
  if (args.includes("--remove-synthetic")) return { remove: true };
  const at = args.indexOf("--synthetic");
  if (at < 0) return null;
  const count = Number(args[at + 1]);
  const seedAt = args.indexOf("--seed");
  return {
    remove: false,
    count,
    force: args.includes("--force"),
    seed: seedAt < 0 ? undefined : Number(args[seedAt + 1]),
  };
}

async function runSynthetic(request: SyntheticRequest) {
  const { removeSynthetic, seedSynthetic, SyntheticRefused } =
    await import("../lib/seed/synthetic/seed-synthetic");
  if (request.remove) {
    const started = performance.now();
    const removed = await removeSynthetic();
    console.log(`Removed ${removed} synthetic release(s) in ${Math.round(performance.now() - started)} ms.`);
    return;
  }
  try {
    const report = await seedSynthetic({ ...request, log: console.log });
    console.log(
      `Added ${report.releases} synthetic releases (${report.english} in English) with ${report.figures} figures in ${(report.ms / 1000).toFixed(1)} s.`,
    );
  } catch (error) {
    if (error instanceof SyntheticRefused) throw new StartupError(error.message);
    throw error;
  }
}

runCli(async () => {
  const [command, arg] = process.argv.slice(2);
  const synthetic = command === "seed" ? syntheticRequest(process.argv.slice(3)) : null;
  const db = await connectDatabase();
  try {
    if (command === "reset") {
      await reset(db.url);
      console.log("Database emptied.");
    }
    if (command === "diff") return diff(db.url, arg ?? "");
    if (command === "url") {
      // For pointing a second server at the running embedded PostgreSQL; one started just for this
      // command would stop with it, so that is refused.
      if (db.startedHere)
        throw new StartupError(
          "The embedded PostgreSQL is not running: start the portal first (npm run dev or npm start).",
        );
      console.log(db.url);
      return;
    }
    if (command === "migrate" || command === "reset" || command === "seed") {
      const result = await migrateDatabase(db.url);
      console.log(`Migrations: ${result.applied.length} applied, ${result.skipped} already in place.`);
    }
    if (command === "seed" || command === "reset") {
      process.env.DATABASE_URL = db.url;
      const { seedDatabase } = await import("../lib/seed/seed-database");
      const { report, generatedAdmin } = await seedDatabase();
      console.log(report.join("\n"));
      if (generatedAdmin) printSignIn(process.env.SITE_URL ?? "http://localhost:3000", generatedAdmin);
      if (synthetic) await runSynthetic(synthetic);
    }
    if (!["reset", "diff", "migrate", "seed", "url"].includes(command ?? "")) {
      throw new Error("Usage: tsx scripts/db.ts migrate|seed|reset|url|diff <name>");
    }
  } finally {
    await db.stop();
  }
});
