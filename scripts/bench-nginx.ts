// The nginx figures of `npm run bench` (issue 12 §1): the release page through the generated config
// in front of the production server, against nginx serving the same HTML as a static file, and how
// long a publish takes to make a cached page new through nginx.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { nginxConfig } from "../lib/deploy/nginx-config";
import { NGINX_PATH, writeNginxPrefix } from "./ensure-nginx";
import { chooseLoadTool, generateLoad } from "./load-generator";

export interface NginxFigures {
  staticRps: number;
  proxiedRps: number;
  ratio: number;
  proxiedErrors: number;
  publishToNewMs: number;
}

// Same workers and connection handling as the generated config, and nothing else: the HTML from a file.
function staticConfig(prefix: string, listen: string, htmlDir: string) {
  return `daemon off;
worker_processes auto;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${prefix}/tmp/body;
  proxy_temp_path ${prefix}/tmp/proxy;
  fastcgi_temp_path ${prefix}/tmp/fastcgi;
  uwsgi_temp_path ${prefix}/tmp/uwsgi;
  scgi_temp_path ${prefix}/tmp/scgi;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  server {
    listen ${listen} reuseport backlog=4096;
    default_type "text/html; charset=utf-8";
    location / { root ${htmlDir}; try_files /page.html =404; }
  }
}
`;
}

async function startNginx(prefix: string, config: string, probe: string): Promise<ChildProcess> {
  const file = writeNginxPrefix(prefix, config);
  const child = spawn(NGINX_PATH, ["-p", prefix, "-c", file], { stdio: "inherit" });
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${prefix}/logs/error.log)`);
    const answered = await fetch(probe).then(
      () => true,
      () => false,
    );
    // Answered by this nginx, not by another server already on the port (nginx then exits).
    await new Promise((r) => setTimeout(r, 100));
    if (answered && child.exitCode === null) return child;
  }
  child.kill("SIGQUIT");
  throw new Error("nginx did not start within 10 s");
}

const ROUNDS = 2;

/** The page uncompressed, as the load asks for it here: a 200 HTML answer, or the benchmark stops. */
async function pageThrough(url: string): Promise<{ body: Buffer; cache: string | null }> {
  const response = await fetch(url, { headers: { "accept-encoding": "identity" } });
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200 || !/^text\/html/.test(response.headers.get("content-type") ?? ""))
    throw new Error(
      `${url} answered ${response.status} ${response.headers.get("content-type")}, not the page`,
    );
  return { body, cache: response.headers.get("x-cache") };
}

// Uncompressed: the static file nginx serves for comparison is the page's plain bytes.
const IDENTITY = { "accept-encoding": "identity" };
const rps = async (url: string, duration: number) => {
  const tool = chooseLoadTool();
  await generateLoad(tool, url, 50, 3, IDENTITY); // warm-up
  const { rps, errors } = await generateLoad(tool, url, 50, duration, IDENTITY);
  return { rps, errors };
};

/**
 * Commits a public release the way the app does (row and outbox entry in one transaction) and
 * times until nginx's cached release list shows it; then removes it again the same way.
 */
async function publishToNewMs(front: string): Promise<number> {
  const { db } = await import("../lib/db");
  const { recordPublicChange } = await import("../lib/publication/public-change");
  for (let i = 0; i < 50; i++) {
    const cached = (await fetch(`${front}/releases`)).headers.get("x-cache");
    if (cached === "HIT") break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const slug = `bench-purge-${crypto.randomBytes(4).toString("hex")}`;
  const title = `基准测试清除 ${slug}`;
  const started = Date.now();
  const release = await db.$transaction(async (tx) => {
    const created = await tx.release.create({
      data: { slug, title, status: "published", publishAt: new Date(), publishedAt: new Date() },
    });
    await recordPublicChange(tx);
    return created;
  });
  let ms = Number.POSITIVE_INFINITY;
  while (Date.now() - started < 10_000) {
    if ((await (await fetch(`${front}/releases`)).text()).includes(title)) {
      ms = Date.now() - started;
      break;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  await db.$transaction(async (tx) => {
    await tx.release.delete({ where: { id: release.id } });
    await recordPublicChange(tx);
  });
  return ms;
}

/**
 * nginx with the generated front config (lib/deploy/nginx-config.ts) on `port`, in front of the
 * production server at `upstream`, its cache under `root` (which its workers must be able to enter).
 */
export async function startNginxFront(options: { root: string; upstream: string; port: number }) {
  const url = `http://127.0.0.1:${options.port}`;
  const prefix = path.join(options.root, "front");
  const config = nginxConfig({
    listen: `127.0.0.1:${options.port}`,
    upstreams: [options.upstream],
    prefix,
    accessLog: false,
  });
  return { url, child: await startNginx(prefix, config, `${url}/_purge/`) };
}

/** Runs both nginx instances on `ports` against the production server at `upstream`. */
export async function measureNginx(options: {
  upstream: string;
  frontPort: number;
  staticPort: number;
  duration: number;
  pagePath: string;
}): Promise<NginxFigures> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "pressroom-bench-nginx-"));
  // Before nginx starts: run as root, its workers (nobody) must reach the cache and the page under
  // this directory (mkdtemp makes it 0700). Made later, the front's first answer was its 500 page
  // ("open() … cache … Permission denied"), which then served as the static page: 170 bytes against
  // the front's 110 KB, the whole of the 0.04-0.08 "ratio" measured before.
  fs.chmodSync(root, 0o755);
  const children: ChildProcess[] = [];
  try {
    const front = await startNginxFront({ root, upstream: options.upstream, port: options.frontPort });
    children.push(front.child);
    // The very bytes the app sends (uncompressed, as the load asks), as a file.
    const htmlDir = path.join(root, "html");
    fs.mkdirSync(htmlDir, { recursive: true });
    const page = await pageThrough(front.url + options.pagePath);
    fs.writeFileSync(path.join(htmlDir, "page.html"), page.body);
    const staticPrefix = path.join(root, "static");
    const staticUrl = `http://127.0.0.1:${options.staticPort}`;
    children.push(
      await startNginx(
        staticPrefix,
        staticConfig(staticPrefix, `127.0.0.1:${options.staticPort}`, htmlDir),
        staticUrl,
      ),
    );

    // Both serve the same page before either is measured, and the front from its cache.
    const fromFile = await pageThrough(staticUrl + options.pagePath);
    if (!fromFile.body.equals(page.body)) throw new Error("nginx's static copy differs from the app's page");
    const cached = await pageThrough(front.url + options.pagePath);
    if (cached.cache !== "HIT")
      throw new Error(`the front did not cache the page (X-Cache: ${cached.cache})`);

    // Alternating, twice, each figure the better of its two runs: on a shared machine one run of
    // each, one after the other, measured the load of the moment as much as nginx (0.45-1.02).
    const staticRuns = [];
    const proxiedRuns = [];
    for (let round = 0; round < ROUNDS; round++) {
      staticRuns.push(await rps(staticUrl + options.pagePath, options.duration));
      proxiedRuns.push(await rps(front.url + options.pagePath, options.duration));
    }
    const best = (runs: Array<{ rps: number }>) => Math.max(...runs.map((run) => run.rps));
    const errors = [...staticRuns, ...proxiedRuns].reduce((sum, run) => sum + run.errors, 0);
    return {
      staticRps: best(staticRuns),
      proxiedRps: best(proxiedRuns),
      ratio: best(proxiedRuns) / best(staticRuns),
      proxiedErrors: errors,
      publishToNewMs: await publishToNewMs(front.url),
    };
  } finally {
    for (const child of children) child.kill("SIGQUIT");
    await Promise.all(
      children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once("exit", r)))),
    );
    fs.rmSync(root, { recursive: true, force: true });
  }
}
