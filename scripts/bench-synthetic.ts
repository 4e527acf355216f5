// npm run bench -- --synthetic: the portal at 10,000 releases (issue 13 §3). Its own data directory
// and embedded PostgreSQL (never the app's), the synthetic archive generated once and kept, the
// production server, then p99 at 10 connections and req/s at 50 for every page the issue names.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { getConfig } from "../lib/config";
import { startNginxFront } from "./bench-nginx";
import { startBenchServer } from "./bench-tools";
import { nginxInstalled } from "./ensure-nginx";
import { BROWSER_HEADERS, chooseLoadTool, generateLoad, type LoadTool } from "./load-generator";

const RELEASES = 10_000;
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const BASE = `http://127.0.0.1:${PORT}`;
const DURATION = Number(process.env.BENCH_SECONDS ?? 20);
const NGINX_PORT = Number(process.env.BENCH_NGINX_PORT ?? PORT + 1);
// The production server replays stored answers without entering Next unless a request carries
// credentials (lib/http/response-cache.ts BYPASS_REQUEST_HEADERS): Next then answers, from its own
// page and data cache, as it does for every reader when RESPONSE_CACHE_MB=0.
const BYPASS = { authorization: "Bearer bench-bypasses-the-response-cache" };

type Kind = "cached" | "uncached" | "sitemap" | "search";
interface Target {
  name: string;
  path: string;
  kind: Kind;
  headers?: Record<string, string>;
  /** Through the nginx front (lib/deploy/nginx-config.ts) instead of straight to the server. */
  viaNginx?: boolean;
}

// Searches are never cached (no-store, not among the response cache's keys): every request runs one.
const SEARCH_TARGETS: Target[] = [
  { name: "search page 签约项目", path: `/search?q=${encodeURIComponent("签约项目")}`, kind: "search" },
  ...[
    ["签约项目", "a phrase most releases hold"],
    ["簽約項目", "traditional"],
    ["3425亿", "rare"],
    ["2023 投资", "mixed"],
    ["会", "one character"],
  ].map(([q, what]): Target => ({
    name: `search API ${q} (${what})`,
    path: `/api/search?q=${encodeURIComponent(q)}`,
    kind: "search",
  })),
];
/** BENCH_ONLY=search: only the pages whose name matches (a regular expression), without the queries table, for quick runs. */
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, "i") : null;

/** Target p99 at 10 connections (issue 13 §3): uncached pages and API 50 ms, cached 5 ms, sitemaps 200 ms. */
const TARGET_MS: Record<Kind, number> = { cached: 5, uncached: 50, sitemap: 200, search: 50 };

async function chooseOwnDataDirectory() {
  // Never the app's own data: its own directory and port, whatever PRESSROOM_DATA_DIR says.
  process.env.PRESSROOM_DATA_DIR = path.resolve(process.env.BENCH_SYNTHETIC_DATA_DIR ?? ".data-synthetic");
  process.env.EMBEDDED_PG_PORT =
    process.env.BENCH_PG_PORT ?? String(Number(process.env.EMBEDDED_PG_PORT ?? 54329) + 100);
  delete process.env.DATABASE_URL;
  if (path.resolve(getConfig().dataDir) !== path.resolve(process.env.PRESSROOM_DATA_DIR))
    throw new Error("the configuration was read before the benchmark chose its data directory");
}

/** The archive: generated on the first run (reported), kept for the next ones. */
async function prepareArchive() {
  const { prepareDatabase } = await import("../lib/database/prepare");
  const { database } = await prepareDatabase(() => {});
  const { db } = await import("../lib/db");
  const existing = await db.release.count({ where: { synthetic: true } });
  if (existing !== RELEASES) {
    const { seedSynthetic } = await import("../lib/seed/synthetic/seed-synthetic");
    console.log(`Generating ${RELEASES} synthetic releases in ${getConfig().dataDir} ...`);
    const report = await seedSynthetic({ count: RELEASES });
    console.log(
      `Generated ${report.releases} releases (${report.english} English) and ${report.figures} figures in ${(report.ms / 1000).toFixed(1)} s.`,
    );
  } else console.log(`Using the ${existing} synthetic releases already in ${getConfig().dataDir}.`);
  return database;
}

/** Milliseconds of each public query at 10,000 releases, straight from the database (no cache). */
async function measureQueries(deepCursor: string) {
  const { listPublishedReleases, listReleasesAfter, getHomeReleases } =
    await import("../lib/releases/queries");
  const { listSitemapIndex, listSitemapReleases } = await import("../lib/seo/sitemap-files");
  const { listSitemapData } = await import("../lib/seo/sitemap-queries");
  const { searchPublicReleases } = await import("../lib/search/search-releases");
  const queries: Array<[string, () => Promise<unknown>]> = [
    ["home (lead and latest)", () => getHomeReleases()],
    ["list page 1", () => listPublishedReleases({ page: 1 })],
    ["list page 400", () => listPublishedReleases({ page: 400 })],
    ["category page 1", () => listPublishedReleases({ page: 1, categorySlug: "synthetic-news" })],
    ["API after a cursor 8,000 deep", () => listReleasesAfter({ cursor: deepCursor, limit: 20 })],
    ["sitemap index", () => listSitemapIndex()],
    ["sitemap file 1 (5,000 URLs)", () => listSitemapReleases(1)],
    ["news sitemap (releases of the last two days)", () => listSitemapData()],
    ...["签约项目", "簽約項目", "3425亿", "2023 投资", "会"].map((q): [string, () => Promise<unknown>] => [
      `search ${q}, page of 20 with snippets`,
      () => searchPublicReleases({ q, limit: 20 }),
    ]),
  ];
  const rows = [];
  for (const [name, query] of queries) {
    await query();
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const started = performance.now();
      await query();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    rows.push({ name, p50: times[14], p99: times[29] });
  }
  return rows;
}

/** A deep cursor reached the way a client does: following nextCursor from the first page. */
async function deepCursor(depth: number): Promise<string> {
  let cursor = "";
  for (let seen = 0; seen < depth; seen += 50) {
    const page = (await (
      await fetch(`${BASE}/api/releases?limit=50${cursor ? `&cursor=${cursor}` : ""}`)
    ).json()) as {
      nextCursor: string | null;
    };
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return cursor;
}

/** Time to first render of pages Next has never rendered: the database and the page, no cache. */
async function firstRenders(paths: string[]) {
  const times = [];
  for (const p of paths) {
    const started = performance.now();
    const response = await fetch(BASE + p, { headers: BYPASS });
    await response.arrayBuffer();
    times.push({ path: p, status: response.status, ms: Math.round(performance.now() - started) });
  }
  return times;
}

export async function runSyntheticBench() {
  const tool = chooseLoadTool();
  await chooseOwnDataDirectory();
  const database = await prepareArchive();
  const { db } = await import("../lib/db");
  const server = await startBenchServer({
    port: PORT,
    databaseUrl: database.url,
    secret: crypto.randomBytes(32).toString("base64url"),
  });
  const nginxRoot = fs.mkdtempSync(path.join(os.tmpdir(), "pressroom-bench-synthetic-"));
  let nginx: Awaited<ReturnType<typeof startNginxFront>> | null = null;
  try {
    // The front a deployment on more than one machine puts before its servers (README, "Deploying"),
    // when nginx is here: cached pages are then nginx's to answer.
    fs.chmodSync(nginxRoot, 0o755);
    if (nginxInstalled())
      nginx = await startNginxFront({ root: nginxRoot, upstream: `127.0.0.1:${PORT}`, port: NGINX_PORT });
    const publicSynthetic = await db.release.findMany({
      where: { synthetic: true, locale: "zh-CN", status: "published" },
      select: { slug: true },
      orderBy: { slug: "asc" },
      take: 20,
      skip: 4000,
    });
    const release = `/releases/${publicSynthetic[0].slug}`;
    const cursor = await deepCursor(8000);
    const api = `/api/releases?cursor=${cursor}&limit=20`;
    const everyTarget: Target[] = [
      { name: "home", path: "/", kind: "cached" },
      { name: "list page 1", path: "/releases", kind: "cached" },
      { name: "list page 1, uncached", path: "/releases", kind: "uncached", headers: BYPASS },
      { name: "list page 400", path: "/releases/page/400", kind: "cached" },
      { name: "list page 400, uncached", path: "/releases/page/400", kind: "uncached", headers: BYPASS },
      { name: "category page", path: "/categories/synthetic-news", kind: "cached" },
      {
        name: "category page, uncached",
        path: "/categories/synthetic-news",
        kind: "uncached",
        headers: BYPASS,
      },
      { name: "release page", path: release, kind: "cached" },
      { name: "release page, uncached", path: release, kind: "uncached", headers: BYPASS },
      { name: "API, cursor 8,000 deep", path: api, kind: "uncached" },
      { name: "feed.xml", path: "/feed.xml", kind: "uncached" },
      { name: "sitemap index", path: "/sitemap.xml", kind: "sitemap" },
      { name: "sitemap releases 1", path: "/sitemaps/releases/1.xml", kind: "sitemap" },
      { name: "sitemap releases 2", path: "/sitemaps/releases/2.xml", kind: "sitemap" },
      { name: "sitemap pages", path: "/sitemaps/pages.xml", kind: "sitemap" },
      ...SEARCH_TARGETS,
      ...(nginx
        ? (["/", "/releases", "/categories/synthetic-news", release] as const).map((p): Target => ({
            name: `nginx front ${p === release ? "release page" : p}`,
            path: p,
            kind: "cached",
            viaNginx: true,
          }))
        : []),
    ];
    const targets = everyTarget.filter((target) => !ONLY || ONLY.test(target.name));
    // Before any load: pages nobody asked for yet, rendered by Next from the database.
    const renders = await firstRenders([
      ...publicSynthetic.slice(1, 6).map((r) => `/releases/${r.slug}`),
      ...[301, 302, 303, 304, 305].map((n) => `/releases/page/${n}`),
    ]);
    const rows = [];
    for (const target of targets) {
      const url = (target.viaNginx ? nginx!.url : BASE) + target.path;
      const headers = { ...BROWSER_HEADERS, ...target.headers };
      const probe = await fetch(url, { headers });
      const bytes = (await probe.arrayBuffer()).byteLength;
      if (probe.status !== 200) {
        rows.push({ ...target, available: false, status: probe.status });
        console.log(`  ${target.name}: HTTP ${probe.status}, not available`);
        continue;
      }
      await generateLoad(tool, url, 50, 3, target.headers); // warm-up: fills the caches
      // Who answered after the warm-up: the response cache (HIT), or Next from its cache (HIT) or a render.
      const after = (await fetch(url, { headers })).headers;
      const cache = target.viaNginx
        ? `nginx ${after.get("x-cache") ?? "-"}`
        : `${after.get("x-pressroom-cache") ?? "bypassed"} / Next ${after.get("x-nextjs-cache") ?? "-"}`;
      const load = await generateLoad(tool, url, 50, DURATION, target.headers);
      const light = await generateLoad(tool, url, 10, Math.max(5, DURATION / 2), target.headers);
      rows.push({
        ...target,
        available: true,
        kb: Math.round(bytes / 1024),
        cache,
        rps50: load.rps,
        p99ms50: load.p99,
        p99ms10: light.p99,
        errors: load.errors + light.errors,
      });
      console.log(`  measured ${target.name}`);
    }
    server.stopSampling();
    const queries = ONLY ? [] : await measureQueries(cursor);
    report(rows, queries, renders, server.peakRss(), tool);
  } finally {
    if (nginx) {
      const { child } = nginx;
      child.kill("SIGQUIT");
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)));
    }
    fs.rmSync(nginxRoot, { recursive: true, force: true });
    server.stop();
    await database.stop();
  }
}

type Row = Target & {
  available: boolean;
  status?: number;
  kb?: number;
  cache?: string;
  rps50?: number;
  p99ms50?: number;
  p99ms10?: number;
  errors?: number;
};

function report(
  rows: Row[],
  queries: Array<{ name: string; p50: number; p99: number }>,
  renders: Array<{ path: string; status: number; ms: number }>,
  peakRss: number,
  tool: LoadTool,
) {
  const load = fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  console.log(
    `\nPressroom at ${RELEASES} releases: ${DURATION}s per page at 50 connections (after a 3s warm-up), then at 10 connections; load by ${tool} on the same machine, asking for compressed answers as browsers do (load average ${load}).`,
  );
  console.log(
    "| page | KB | response cache / Next cache | req/s @50 | p99 ms @50 | p99 ms @10 | target p99 @10 | errors |",
  );
  console.log("|---|---:|---|---:|---:|---:|---:|---:|");
  const misses: string[] = [];
  for (const r of rows) {
    if (!r.available) {
      console.log(
        `| ${r.name} (\`${r.path}\`) | | | not available (HTTP ${r.status}) | | | < ${TARGET_MS[r.kind]} ms | |`,
      );
      continue;
    }
    const met = (r.p99ms10 ?? Infinity) < TARGET_MS[r.kind] && r.errors === 0;
    if (!met) misses.push(r.name);
    console.log(
      `| ${r.name} (\`${r.path.length > 60 ? r.path.slice(0, 57) + "…" : r.path}\`) | ${r.kb} | ${r.cache} | ${r.rps50} | ${r.p99ms50} | ${r.p99ms10} | < ${TARGET_MS[r.kind]} ms ${met ? "✓" : "✗"} | ${r.errors} |`,
    );
  }
  console.log("\nFirst render of pages Next had not rendered yet (database + render, one request each):");
  for (const r of renders) console.log(`  ${r.path}: ${r.ms} ms (HTTP ${r.status})`);
  console.log("\nThe public queries alone, 30 runs each after one warm-up (ms):");
  console.log("| query | p50 | p99 |");
  console.log("|---|---:|---:|");
  for (const q of queries) console.log(`| ${q.name} | ${q.p50.toFixed(1)} | ${q.p99.toFixed(1)} |`);
  console.log(`\nServer peak memory (RSS, whole process tree): ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
  console.log(misses.length ? `\nMissed targets: ${misses.join(", ")}` : "\nAll targets met.");
  fs.mkdirSync("bench-results", { recursive: true });
  fs.writeFileSync(
    // A BENCH_ONLY run measured part of the table: it leaves the whole one in place.
    ONLY ? "bench-results/synthetic-only.json" : "bench-results/synthetic.json",
    JSON.stringify(
      {
        at: new Date().toISOString(),
        load,
        durationSeconds: DURATION,
        loadTool: tool,
        rows,
        renders,
        queries,
        peakRssMb: peakRss / 1024 / 1024,
      },
      null,
      2,
    ),
  );
}
