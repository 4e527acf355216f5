import { expect, request as requestContext, test, type APIRequestContext } from "@playwright/test";
import { startNginxFront, type NginxFront } from "../fixtures/nginx-front";
import { startSecondServer, type SecondServer } from "../fixtures/second-server";

// Issue 12 §2: two production servers from the one build, on the one database, behind Debian's
// nginx with the generated config (lib/deploy/nginx-config.ts), each purging nginx on every public
// change (HTTP_CACHE_PURGE). nginx listens on a port of this worktree's range.
const FRONT = `127.0.0.1:${process.env.NGINX_E2E_PORT ?? "3158"}`;
const DEADLINE_MS = 2_000;
const READERS = 100;

// In file order, in one worker (the last test kills server A); a failure restarts the set-up for the rest.
test.describe.configure({ mode: "default" });

let a: SecondServer;
let b: SecondServer;
let front: NginxFront;
let staff: APIRequestContext;
let reader: APIRequestContext;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const env = { HTTP_CACHE_PURGE: `nginx=http://${FRONT}`, TRUST_PROXY: "1", CACHE_POLL_MS: "300" };
  [a, b] = await Promise.all([startSecondServer({ env }), startSecondServer({ env })]);
  front = await startNginxFront({ listen: FRONT, upstreams: [`127.0.0.1:${a.port}`, `127.0.0.1:${b.port}`] });
  staff = await requestContext.newContext({ storageState: { cookies: [], origins: [] } });
  reader = await requestContext.newContext({ storageState: { cookies: [], origins: [] } });
  // Staff sign in on server A only (cookies are per host, so the context sends them to B and nginx too).
  const { csrfToken } = await (await staff.get(`${a.url}/api/auth/csrf`)).json();
  const signedIn = await staff.post(`${a.url}/api/auth/callback/credentials`, {
    form: { csrfToken, email: "publisher@e2e.test", password: "e2e-publisher-password", json: "true" },
  });
  expect(signedIn.ok()).toBe(true);
  // Servers in service have loaded their routes (the first request to each costs a second here).
  for (const server of [a.url, b.url])
    for (const path of [
      "/releases",
      "/releases/wmc-2023-results",
      "/api/releases/wmc-2023-results",
      "/feed.xml",
    ])
      expect((await reader.get(server + path)).status(), server + path).toBe(200);
});

test.afterAll(async () => {
  await staff?.dispose();
  await reader?.dispose();
  await front?.stop();
  await Promise.all([a?.stop(), b?.stop()]);
});

/** Polls until `check` holds, at most until `deadline`; returns the milliseconds since `since`. */
async function msUntil(
  label: string,
  since: number,
  deadline: number,
  check: () => Promise<boolean>,
): Promise<number> {
  await expect
    .poll(check, { message: label, timeout: Math.max(1, deadline - Date.now()), intervals: [50] })
    .toBe(true);
  return Date.now() - since;
}

const text = async (url: string) => (await reader.get(url)).text();

test("a sign-in on server A is valid on server B", async () => {
  // Signed in on A in beforeAll (the other tests need the session too).
  expect((await (await staff.get(`${a.url}/api/auth/session`)).json()).user.email).toBe("publisher@e2e.test");
  const onB = await (await staff.get(`${b.url}/api/auth/session`)).json();
  expect(onB.user).toMatchObject({ email: "publisher@e2e.test", role: "publisher" });
  // And through nginx: a session cookie goes straight to the app, never to the shared cache.
  const throughFront = await staff.get(`http://${FRONT}/api/auth/session`);
  expect((await throughFront.json()).user.email).toBe("publisher@e2e.test");
});

test("a release published on A is on B's page, list, API and feed, and new through nginx, within 2 s", async () => {
  const slug = `e2e-nginx-${Date.now()}`;
  const title = `负载均衡发布 ${slug}`;
  const created = await staff.post(`${a.url}/api/admin/releases`, { data: { title, slug } });
  expect(created.status()).toBe(200);
  const { id, version } = await created.json();
  // nginx keeps the list (a year's s-maxage): only the purge can make it new.
  await expect
    .poll(async () => (await reader.get(`http://${FRONT}/releases`)).headers()["x-cache"])
    .toBe("HIT");

  const published = await staff.post(`${a.url}/api/admin/releases/${id}/transition`, {
    data: { action: "publish", baseVersion: version },
  });
  expect(published.status()).toBe(200);
  const since = Date.now();
  const deadline = since + DEADLINE_MS;
  const times = await Promise.all([
    msUntil("B page", since, deadline, async () => (await reader.get(`${b.url}/releases/${slug}`)).ok()),
    msUntil("B list", since, deadline, async () => (await text(`${b.url}/releases`)).includes(title)),
    msUntil("B API", since, deadline, async () => (await reader.get(`${b.url}/api/releases/${slug}`)).ok()),
    msUntil("B feed", since, deadline, async () => (await text(`${b.url}/feed.xml`)).includes(slug)),
    msUntil("nginx list", since, deadline, async () =>
      (await text(`http://${FRONT}/releases`)).includes(title),
    ),
    msUntil("nginx page", since, deadline, async () =>
      (await reader.get(`http://${FRONT}/releases/${slug}`)).ok(),
    ),
  ]);
  test.info().annotations.push({
    type: "ms after publish (B page, list, API, feed; nginx list, page)",
    description: times.join(", "),
  });
  // Tags for CDNs that purge by tag, through nginx as from the app.
  const page = await reader.get(`http://${FRONT}/releases/${slug}`);
  expect(page.headers()["surrogate-key"]).toBe(`release:${slug} public`);
  expect(page.headers()["cache-tag"]).toBe(`release:${slug},public`);
  // Once new, nginx keeps the new copy.
  await expect
    .poll(async () => (await reader.get(`http://${FRONT}/releases`)).headers()["x-cache"])
    .toBe("HIT");
  expect(await text(`http://${FRONT}/releases`)).toContain(title);
});

test("a release scheduled 4 s ahead appears on both servers and through nginx with no restart", async () => {
  const slug = `e2e-nginx-scheduled-${Date.now()}`;
  const created = await staff.post(`${a.url}/api/admin/releases`, { data: { title: `定时 ${slug}`, slug } });
  const { id, version } = await created.json();
  const at = Date.now() + 4_000;
  const scheduled = await staff.post(`${a.url}/api/admin/releases/${id}/transition`, {
    data: { action: "schedule", baseVersion: version, publishAt: new Date(at).toISOString() },
  });
  expect(scheduled.status()).toBe(200);
  for (const base of [a.url, b.url, `http://${FRONT}`]) {
    expect((await reader.get(`${base}/releases/${slug}`)).status()).toBe(404);
    expect(await text(`${base}/releases`)).not.toContain(slug);
  }
  const deadline = at + DEADLINE_MS;
  for (const base of [a.url, b.url, `http://${FRONT}`]) {
    await msUntil(`${base} page`, at, deadline, async () =>
      (await reader.get(`${base}/releases/${slug}`)).ok(),
    );
    await msUntil(`${base} list`, at, deadline, async () => (await text(`${base}/releases`)).includes(slug));
  }
  expect(Date.now()).toBeGreaterThanOrEqual(at);
});

test("an edit's conflict is detected whichever server each editor hits", async () => {
  const slug = `e2e-nginx-conflict-${Date.now()}`;
  const created = await staff.post(`${a.url}/api/admin/releases`, { data: { title: `冲突 ${slug}`, slug } });
  const { id, version } = await created.json();
  const form = (title: string) => ({ title, slug, summary: "", body: "<p>正文</p>", tags: [], figures: [] });
  const first = await staff.put(`${a.url}/api/admin/releases/${id}`, {
    data: { baseVersion: version, release: form("编辑甲的标题") },
  });
  expect(first.status()).toBe(200);
  const second = await staff.put(`${b.url}/api/admin/releases/${id}`, {
    data: { baseVersion: version, release: form("编辑乙的标题") },
  });
  expect(second.status()).toBe(409);
  expect((await second.json()).error.code).toBe("conflict");
  // And the other way round, through nginx (round robin: either server).
  const latest = (await first.json()).version;
  const third = await staff.put(`http://${FRONT}/api/admin/releases/${id}`, {
    data: { baseVersion: latest, release: form("编辑丙的标题") },
  });
  expect(third.status()).toBe(200);
  const stale = await staff.put(`${a.url}/api/admin/releases/${id}`, {
    data: { baseVersion: latest, release: form("编辑丁的标题") },
  });
  expect(stale.status()).toBe(409);
});

test("an image uploaded through A is served by B", async () => {
  const { default: sharp } = await import("sharp");
  const photo = await sharp({ create: { width: 8, height: 5, channels: 3, background: "#aa3322" } })
    .png()
    .toBuffer();
  const uploaded = await staff.post(`${a.url}/api/admin/media`, {
    multipart: { file: { name: "front.png", mimeType: "image/png", buffer: photo }, alt: "双服务器图片" },
  });
  expect(uploaded.status()).toBe(200);
  const media = await uploaded.json();
  const fromA = await staff.get(`${a.url}${media.url}`);
  const fromB = await staff.get(`${b.url}${media.url}`);
  expect(fromB.status()).toBe(200);
  expect(fromB.headers()["content-type"]).toBe(fromA.headers()["content-type"]);
  expect(Buffer.compare(await fromB.body(), await fromA.body())).toBe(0);
});

test("killing server A mid-load loses no request nginx could retry: B serves them all", async () => {
  test.setTimeout(60_000);
  // Queries bypass nginx's cache, so every request reaches a server (whose own cache answers them).
  const paths = ["/api/releases?limit=1", "/api/releases?limit=2"];
  const outcomes = new Map<string, number>();
  const count = (outcome: string) => outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  let afterKill = 0;
  let killed = false;
  let running = true;
  const readerLoop = async (n: number) => {
    for (let i = n; running; i++) {
      let response: Response;
      try {
        response = await fetch(`http://${FRONT}${paths[i % paths.length]}`);
      } catch {
        // No answer at all: nginx could have retried this one on B, so it must never happen.
        count("no answer");
        continue;
      }
      try {
        await response.arrayBuffer();
        count(String(response.status));
      } catch {
        // The answer had started coming from A when it died: nginx had already sent its head to
        // the reader, so it could not retry it (HTTP gives a proxy no way to). Counted, bounded below.
        count("cut off mid-answer");
      }
      if (killed) afterKill++;
    }
  };
  const readers = Array.from({ length: READERS }, (_, n) => readerLoop(n));
  // Until both servers carry the load.
  await expect.poll(() => outcomes.get("200") ?? 0, { timeout: 20_000 }).toBeGreaterThan(READERS * 5);
  await a.kill("SIGKILL");
  killed = true;
  await expect.poll(() => afterKill, { timeout: 20_000 }).toBeGreaterThan(READERS * 5);
  running = false;
  await Promise.all(readers);
  const { "200": ok = 0, "cut off mid-answer": cut = 0, ...others } = Object.fromEntries(outcomes);
  test.info().annotations.push({ type: "readers through nginx", description: `${ok} × 200, ${cut} cut off` });
  expect(others).toEqual({});
  // At most the answers A was in the middle of sending when it died: one per reader.
  expect(cut).toBeLessThanOrEqual(READERS);
  // B answers directly too: it is the one left.
  expect((await reader.get(`${b.url}/api/releases?limit=1`)).status()).toBe(200);
});
