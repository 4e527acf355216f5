// npm run bench: builds if needed, starts the production server on the same database the app
// uses (embedded by default), and measures the public pages on 127.0.0.1 (wrk, else autocannon).
import crypto from "node:crypto";
import fs from "node:fs";
import zlib from "node:zlib";
import { getConfig } from "../lib/config";
import { prepareDatabase } from "../lib/database/prepare";
import { editorMisses, measureEditor, printEditorMeasurement } from "./bench-editor";
import { WORK_BOUND_MS, measureWorkBounds, printWorkBounds } from "./bench-work-bounds";
import { measureNginx, type NginxFigures } from "./bench-nginx";
import { nginxInstalled } from "./ensure-nginx";
import { runCli } from "./run-cli";
import { startBenchServer } from "./bench-tools";
import { chooseLoadTool, generateLoad } from "./load-generator";
import { runSyntheticBench } from "./bench-synthetic";
import { printSignIn } from "./sign-in-banner";

const PORT = Number(process.env.BENCH_PORT ?? 3300);
const BASE = `http://127.0.0.1:${PORT}`;
const DURATION = Number(process.env.BENCH_SECONDS ?? 20);
/** `npm run bench -- --editor`: only the release editor's Lighthouse measurement. */
const EDITOR_ONLY = process.argv.includes("--editor");
/** `npm run bench -- --synthetic`: the 10,000-release archive on its own data directory (scripts/bench-synthetic.ts). */
const SYNTHETIC = process.argv.includes("--synthetic");
// nginx in front (the generated config) and nginx serving the page as a file, when nginx is installed.
const NGINX_PORT = Number(process.env.BENCH_NGINX_PORT ?? PORT + 1);
const STATIC_PORT = Number(process.env.BENCH_STATIC_PORT ?? PORT + 2);
const WITH_NGINX = nginxInstalled();
const TARGETS = [
  ["home", "/"],
  ["release page", "/releases/wmc-2023-results"],
  ["release JSON", "/api/releases/wmc-2023-results"],
  ["release list", "/releases"],
] as const;

async function firstLoadJs(pagePath: string) {
  const html = await (await fetch(BASE + pagePath)).text();
  // noModule scripts are polyfills that only browsers without ES modules download.
  const scripts = [...html.matchAll(/<script([^>]+)>/g)]
    .filter((m) => !/nomodule/i.test(m[1]))
    .map((m) => /src="([^"]+)"/.exec(m[1])?.[1])
    .filter((src): src is string => Boolean(src));
  let gzip = 0;
  for (const src of new Set(scripts)) {
    const body = Buffer.from(await (await fetch(new URL(src, BASE))).arrayBuffer());
    gzip += zlib.gzipSync(body, { level: 9 }).length;
  }
  return { files: new Set(scripts).size, gzipKb: gzip / 1024 };
}

runCli(async () => {
  if (SYNTHETIC) return runSyntheticBench();
  const { database, seed } = await prepareDatabase(() => {});
  if (seed.generatedAdmin) printSignIn(`http://localhost:${process.env.PORT ?? 3000}`, seed.generatedAdmin);
  const secret = process.env.NEXTAUTH_SECRET ?? crypto.randomBytes(32).toString("base64url");
  process.env.DATABASE_URL = database.url;
  const server = await startBenchServer({
    port: PORT,
    databaseUrl: database.url,
    secret,
    // The server purges the nginx front on every public change, as in production.
    env: WITH_NGINX ? { HTTP_CACHE_PURGE: `nginx=http://127.0.0.1:${NGINX_PORT}` } : {},
  });
  try {
    if (EDITOR_ONLY) {
      const editor = await measureEditor(BASE, secret);
      printEditorMeasurement(editor);
      const misses = editorMisses(editor);
      console.log(misses.length ? `\nMissed targets: ${misses.join(", ")}` : "\nEditor targets met.");
      return;
    }
    const rows = [];
    const tool = chooseLoadTool();
    for (const [name, urlPath] of TARGETS) {
      const url = BASE + urlPath;
      await generateLoad(tool, url, 50, 3); // warm-up: fills the caches
      const load = await generateLoad(tool, url, 50, DURATION);
      const light = await generateLoad(tool, url, 10, Math.max(5, DURATION / 2));
      rows.push({
        name,
        path: urlPath,
        rps50: load.rps,
        p50ms50: load.p50,
        p99ms50: load.p99,
        errors: load.errors + light.errors,
        p99ms10: light.p99,
      });
      console.log(`  measured ${name}`);
    }
    let nginx: NginxFigures | null = null;
    if (WITH_NGINX) {
      nginx = await measureNginx({
        upstream: `127.0.0.1:${PORT}`,
        frontPort: NGINX_PORT,
        staticPort: STATIC_PORT,
        duration: DURATION,
        pagePath: "/releases/wmc-2023-results",
      });
      console.log("  measured nginx");
    }
    const js = await firstLoadJs("/releases/wmc-2023-results");
    const work = measureWorkBounds();
    server.stopSampling();
    // After the load runs and the memory sampling: Lighthouse must not share the CPU with the load.
    const editor = await measureEditor(BASE, secret);
    server.sampleRss();
    const peakRss = server.peakRss();

    const cacheMb = getConfig().RESPONSE_CACHE_MB;
    console.log(
      `\nPressroom benchmark: ${DURATION}s per page at 50 connections (after a 3s warm-up), then at 10 connections; load generator on the same machine.`,
    );
    console.log(
      cacheMb > 0
        ? `Production server with its ${cacheMb} MB response cache.`
        : "Response cache off (RESPONSE_CACHE_MB=0): Next alone.",
    );
    console.log("| page | req/s @50 | p50 ms @50 | p99 ms @50 | p99 ms @10 | errors |");
    console.log("|---|---:|---:|---:|---:|---:|");
    for (const r of rows)
      console.log(
        `| ${r.name} (${r.path}) | ${r.rps50} | ${r.p50ms50} | ${r.p99ms50} | ${r.p99ms10} | ${r.errors} |`,
      );
    console.log(`\nServer peak memory (RSS, whole process tree): ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
    console.log(`Release page first-load JS: ${js.gzipKb.toFixed(1)} KB gzipped in ${js.files} files`);
    if (nginx) {
      console.log(`\nnginx (Debian's, generated config, 50 connections, release page, uncompressed):`);
      console.log("| setup | req/s @50 |");
      console.log("|---|---:|");
      console.log(`| nginx serving the HTML as a static file | ${nginx.staticRps} |`);
      console.log(
        `| nginx front (generated config) in front of the production server | ${nginx.proxiedRps} |`,
      );
      console.log(`Ratio ${nginx.ratio.toFixed(2)} (target ≥ 0.9), errors ${nginx.proxiedErrors}.`);
      console.log(
        `Publish → new release list through nginx (a year's s-maxage, purged): ${nginx.publishToNewMs} ms (target ≤ 2000).`,
      );
    } else {
      console.log(
        "\nnginx is not installed: the nginx figures were skipped (apt-get install nginx libnginx-mod-http-cache-purge).",
      );
    }
    printWorkBounds(work);
    printEditorMeasurement(editor);
    const failures: string[] = rows
      .filter((r) => r.rps50 < 1000 || r.p99ms10 > 25 || r.errors > 0)
      .map((r) => r.name);
    if (peakRss > 400 * 1024 * 1024) failures.push("memory");
    if (js.gzipKb > 150) failures.push("first-load JS");
    if (nginx && (nginx.ratio < 0.9 || nginx.proxiedErrors > 0)) failures.push("nginx front ratio");
    if (nginx && nginx.publishToNewMs > 2000) failures.push("publish through nginx");
    if (work.some((w) => w.ms >= WORK_BOUND_MS)) failures.push("body work");
    failures.push(...editorMisses(editor));
    console.log(
      failures.length
        ? `\nMissed targets: ${failures.join(", ")}`
        : "\nAll targets met (≥1000 req/s @50, p99 ≤ 25 ms @10, no errors, ≤ 400 MB, JS < 150 KB; editor: performance ≥ 95, CLS < 0.05, < 1500 elements).",
    );
    fs.mkdirSync("bench-results", { recursive: true });
    fs.writeFileSync(
      "bench-results/latest.json",
      JSON.stringify(
        {
          at: new Date().toISOString(),
          durationSeconds: DURATION,
          responseCacheMb: cacheMb,
          rows,
          peakRssMb: peakRss / 1024 / 1024,
          firstLoadJsKb: js.gzipKb,
          bodyWorkMs: work,
          editor,
          nginx,
        },
        null,
        2,
      ),
    );
  } finally {
    server.stop();
    await database.stop();
  }
});
