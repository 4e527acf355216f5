import http from "node:http";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { startSecondServer, type SecondServer } from "../fixtures/second-server";
import { startTcpProxy, type TcpProxy } from "../fixtures/tcp-proxy";

// Issue #10 §3: PostgreSQL goes away for 10 s under a second production server of the same build,
// whose DATABASE_URL runs through a TCP proxy this test cuts. The main e2e server and the database
// itself keep running. Its own project, after all the others (playwright.config.ts).

const OUTAGE_MS = 10_000;
const READERS = 200;
const CLIENT_ADDRESS = "127.0.41.20";
const SEED_SLUG = "wmc-2023-results";
// Public answers a reader may have in a cache: pages, the release JSON, feeds, CSV, sitemaps, share image.
// Route handlers (list API, feeds, CSV, news sitemap) mark their answers shareable like the pages, so
// a scheduled release coming due during the outage (which expires Next's data cache) finds their copy.
const CACHED_PATHS = [
  "/",
  "/releases",
  `/releases/${SEED_SLUG}`,
  `/releases/${SEED_SLUG}/data`,
  "/api/releases",
  `/api/releases/${SEED_SLUG}`,
  "/feed.xml",
  "/atom.xml",
  "/feed.json",
  `/releases/${SEED_SLUG}/figures.csv`,
  `/releases/${SEED_SLUG}/share.png`,
  "/sitemap.xml",
  "/news-sitemap.xml",
];

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string; ms: number };

// A slow answer is still an answer: on a loaded 2-core machine (other test runs, Chromium) a
// request can queue for seconds. Only a server that stopped answering fails the test.

// One connection per request, except for the readers (their own keep-alive agent, never idle long
// enough for the server to close a socket as it is reused).
const oneShot = new http.Agent({ keepAlive: false });

function get(port: number, path: string, agent: http.Agent = oneShot): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: "127.0.0.1", port, path, agent, localAddress: CLIENT_ADDRESS, timeout: 60_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
            ms: performance.now() - started,
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`GET ${path}: no answer in 60 s`)));
    req.on("error", reject);
  });
}

async function signIn(baseURL: string): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
  const response = await api.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: "publisher@e2e.test", password: "e2e-publisher-password", json: "true" },
  });
  expect((await response.json()).url).not.toContain("error");
  return api;
}

async function createRelease(api: APIRequestContext, title: string, slug: string) {
  const created = await api.post("/api/admin/releases", { data: { title, slug } });
  expect(created.status()).toBe(200);
  return (await created.json()) as { id: string; version: number };
}

/** 200 clients, each asking for cached answers one after another until the deadline. */
async function readContinuously(port: number, until: number) {
  const statuses = new Map<string, number>();
  // HIT/STALE: the response cache; MISS or Next: Next answered (from its own caches).
  const sources = new Map<string, number>();
  const latencies: number[] = [];
  const failures: string[] = [];
  const agent = new http.Agent({ keepAlive: true, maxSockets: READERS });
  await Promise.all(
    Array.from({ length: READERS }, async (_, reader) => {
      for (let i = reader; Date.now() < until; i++) {
        const path = CACHED_PATHS[i % CACHED_PATHS.length];
        try {
          const answer = await get(port, path, agent);
          statuses.set(String(answer.status), (statuses.get(String(answer.status)) ?? 0) + 1);
          latencies.push(answer.ms);
          const source = String(answer.headers["x-pressroom-cache"] ?? "Next");
          sources.set(source, (sources.get(source) ?? 0) + 1);
          if (answer.status !== 200) failures.push(`${path}: ${answer.status}`);
        } catch (error) {
          failures.push(`${path}: ${(error as Error).message}`);
        }
      }
    }),
  );
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const p = (q: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]);
  return { requests: latencies.length, statuses, sources, failures, p50: p(0.5), p99: p(0.99) };
}

test.describe.configure({ mode: "serial" });

test("PostgreSQL away for 10 s: cached answers keep coming, the rest is 503, everything recovers alone", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const databaseUrl = new URL(process.env.DATABASE_URL!);
  let proxy: TcpProxy | undefined;
  let server: SecondServer | undefined;
  let api: APIRequestContext | undefined;
  try {
    proxy = await startTcpProxy({ host: databaseUrl.hostname, port: Number(databaseUrl.port || 5432) });
    const viaProxy = new URL(databaseUrl);
    viaProxy.port = String(proxy.port);
    server = await startSecondServer({ env: { DATABASE_URL: viaProxy.toString(), CACHE_POLL_MS: "300" } });
    const { port, url: origin } = server;
    api = await signIn(origin);

    // A release published now that no one has asked for yet (uncached), a draft to edit, and one to
    // schedule for the middle of the outage.
    const stamp = `${Date.now()}`;
    const uncachedSlug = `e2e-outage-uncached-${stamp}`;
    const uncached = await createRelease(api, `停机前发布 ${stamp}`, uncachedSlug);
    expect(
      (
        await api.post(`/api/admin/releases/${uncached.id}/transition`, {
          data: { action: "publish", baseVersion: uncached.version },
        })
      ).status(),
    ).toBe(200);
    const draft = await createRelease(api, `停机时编辑 ${stamp}`, `e2e-outage-draft-${stamp}`);
    const scheduledSlug = `e2e-outage-scheduled-${stamp}`;
    const scheduledTitle = `停机期间到点发布 ${stamp}`;
    const scheduled = await createRelease(api, scheduledTitle, scheduledSlug);
    // This server has taken the publication in (its watcher refreshed its caches and address index).
    await expect
      .poll(async () => (await get(port, "/api/releases?limit=50")).body, { timeout: 20_000 })
      .toContain(uncachedSlug);

    // Warm: each path answered twice after the last change, so the response cache holds it.
    for (const path of CACHED_PATHS) {
      await expect(async () => {
        for (let i = 0; i < 2; i++) expect((await get(port, path)).status, path).toBe(200);
      }).toPass({ timeout: 30_000, intervals: [200] });
    }

    // The editor is open with the draft before the database goes.
    const context = await browser.newContext({ storageState: await api.storageState(), baseURL: origin });
    const editor = await context.newPage();
    await editor.goto(`/admin/releases/${draft.id}`);
    await expect(editor.getByTestId("save-status")).toContainText("已保存（第 1 版）");

    // Due a few seconds into the outage.
    const publishAt = Date.now() + 4_000;
    expect(
      (
        await api.post(`/api/admin/releases/${scheduled.id}/transition`, {
          data: {
            action: "schedule",
            baseVersion: scheduled.version,
            publishAt: new Date(publishAt).toISOString(),
          },
        })
      ).status(),
    ).toBe(200);

    await proxy.cut();
    const cutAt = Date.now();
    expect(cutAt).toBeLessThan(publishAt);
    const reading = readContinuously(port, cutAt + OUTAGE_MS);

    // Uncached public requests: 503 with Retry-After, a page for people, the one JSON body for the API.
    const page = await get(port, `/releases/${uncachedSlug}`);
    expect(page.status).toBe(503);
    expect(page.headers["retry-after"]).toBe("5");
    expect(page.headers["cache-control"]).toBe("no-store");
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toContain("数据库暂时不可用");
    for (const path of [`/api/releases/${uncachedSlug}`, "/api/releases?limit=7"]) {
      const json = await get(port, path);
      expect(json.status, path).toBe(503);
      expect(json.headers["retry-after"], path).toBe("5");
      expect(JSON.parse(json.body), path).toEqual({
        error: { code: "unavailable", message: "数据库暂时不可用，请稍后再试" },
      });
    }
    for (const path of [`/releases/${uncachedSlug}/figures.csv`, `/releases/${uncachedSlug}/data`]) {
      const answer = await get(port, path);
      expect(answer.status, path).toBe(503);
      expect(answer.headers["retry-after"], path).toBe("5");
    }

    // Staff: the editorial area says what is wrong; a save is refused as unsaved, and the editor keeps the text.
    for (const path of ["/admin", `/admin/releases/${draft.id}`]) {
      const adminPage = await api.get(path);
      expect(adminPage.status(), path).not.toBe(500);
      expect(await adminPage.text(), path).toContain("数据库暂时不可用");
    }
    const write = await api.put(`/api/admin/releases/${draft.id}`, {
      data: {
        baseVersion: draft.version,
        release: {
          title: "不会保存",
          slug: `e2e-outage-draft-${stamp}`,
          summary: "",
          body: "",
          tags: [],
          figures: [],
        },
      },
    });
    expect(write.status()).toBe(503);
    expect(write.headers()["retry-after"]).toBe("5");
    expect(await write.json()).toEqual({
      error: { code: "unavailable", message: "数据库暂时不可用，内容未保存，请稍后再试" },
    });

    // The session outlives the outage: next-auth's own session read cannot look the user up, and
    // keeps the session instead of ending it (a cleared cookie would sign every editor out).
    const session = await api.get("/api/auth/session");
    expect(session.status()).toBe(200);
    expect((await session.json()).user?.id).toBeTruthy();
    expect(session.headers()["set-cookie"] ?? "").not.toMatch(/session-token=;|1970/);

    const typed = `停机时写的标题 ${stamp}`;
    await editor.getByLabel("标题", { exact: true }).fill(typed);
    await editor.getByRole("button", { name: "保存", exact: true }).click();
    await expect(editor.locator(".form-error")).toHaveText("数据库暂时不可用，内容未保存，请稍后再试");
    await expect(editor.getByLabel("标题", { exact: true })).toHaveValue(typed);
    const browserCopy = await editor.evaluate(
      (id) => Object.entries(localStorage).find(([key]) => key.endsWith(`:${id}`))?.[1] ?? "",
      draft.id,
    );
    expect(browserCopy).toContain(typed);

    const readers = await reading;
    console.log(
      `outage: ${readers.requests} requests by ${READERS} readers in ${OUTAGE_MS / 1000} s, ` +
        `statuses ${JSON.stringify(Object.fromEntries(readers.statuses))}, ` +
        `answered by ${JSON.stringify(Object.fromEntries(readers.sources))}, p50 ${readers.p50} ms, p99 ${readers.p99} ms`,
    );
    expect(readers.failures.slice(0, 10)).toEqual([]);
    expect(readers.requests).toBeGreaterThan(READERS * 2);
    expect(Date.now()).toBeGreaterThan(publishAt);

    // The database is back: no restart, the same server process.
    await proxy.restore();
    const restoredAt = Date.now();
    // The watcher catches up: the release that came due meanwhile is on the cached list and everywhere else.
    await expect(async () => {
      expect((await get(port, "/releases")).body).toContain(scheduledTitle);
      expect((await get(port, "/api/releases")).body).toContain(scheduledSlug);
      expect((await get(port, `/releases/${scheduledSlug}`)).status).toBe(200);
      expect((await get(port, "/feed.xml")).body).toContain(scheduledSlug);
    }).toPass({ timeout: 30_000, intervals: [500] });
    expect((await get(port, `/releases/${uncachedSlug}`)).status).toBe(200);
    expect((await get(port, `/api/releases/${uncachedSlug}`)).status).toBe(200);
    expect(await (await api.get("/admin")).text()).not.toContain("数据库暂时不可用");
    // The text typed during the outage is saved now, and its browser copy goes.
    await editor.getByRole("button", { name: "保存", exact: true }).click();
    await expect(editor.getByTestId("save-status")).toContainText("已保存（第 2 版）");
    expect(
      await editor.evaluate(
        (id) => Object.keys(localStorage).some((key) => key.endsWith(`:${id}`)),
        draft.id,
      ),
    ).toBe(false);
    console.log(`recovery: caught up ${Date.now() - restoredAt} ms after the database came back`);
    await context.close();
  } finally {
    await api?.dispose();
    if (server) {
      await server.stop();
      if (test.info().status !== test.info().expectedStatus) console.log(server.output().slice(-5000));
    }
    await proxy?.close();
  }
});
