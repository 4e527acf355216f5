// npm run db:backup | db:restore | deploy:nginx | user:create: the operator commands, on any machine.
// Where the devDependencies are installed (development, CI) the TypeScript source runs under tsx, so
// it is never stale; in a production install (`npm ci --omit=dev`, no tsx) its compiled copy in
// dist/ runs under plain node (scripts/compile-server.ts, part of `npm run build`).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

// The commands compiled for production (ENTRY_POINTS in scripts/compile-server.ts).
const COMMANDS = new Set(["db-backup", "deploy-nginx", "search-reindex", "user-create"]);
const SERVER_ONLY_OUTSIDE_NEXT = ["--import", "./scripts/server-only-outside-next.mjs"];

const [name, ...args] = process.argv.slice(2);
if (!COMMANDS.has(name ?? "")) {
  console.error(`✖ Usage: node scripts/run-script.mjs ${[...COMMANDS].join("|")} [arguments]`);
  process.exit(2);
}
const tsx = path.resolve("node_modules/.bin/tsx");
const source = `scripts/${name}.ts`;
const compiled = `dist/${name}.js`;
const fromSource = fs.existsSync(tsx) && fs.existsSync(source);
if (!fromSource && !fs.existsSync(compiled)) {
  console.error(
    `✖ ${compiled} is missing and tsx is not installed: run npm run build where the devDependencies are.`,
  );
  process.exit(1);
}
const run = fromSource
  ? spawnSync(tsx, [...SERVER_ONLY_OUTSIDE_NEXT, source, ...args], { stdio: "inherit" })
  : spawnSync(process.execPath, [...SERVER_ONLY_OUTSIDE_NEXT, compiled, ...args], { stdio: "inherit" });
if (run.error) throw run.error;
process.exit(run.status ?? 1);
