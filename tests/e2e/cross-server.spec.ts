import { expect, request as requestContext, test, type APIRequestContext } from "@playwright/test";
import { startSecondServer, type SecondServer } from "../fixtures/second-server";

// Two app servers from one build on one database, as in "Deploying on more than one machine": a
// change made through server A (Playwright's) reaches readers of server B through B's own
// invalidation watcher, which reads the outbox and refreshes B's Next cache and response cache.
const REFRESH_DEADLINE_MS = 2_000;

test.use({ storageState: "tests/e2e/.auth/publisher.json" });

let b: SecondServer;
let reader: APIRequestContext;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  b = await startSecondServer();
  reader = await requestContext.newContext({ baseURL: b.url });
  // A server in service has loaded its routes: the first request to each costs a second or more
  // here (module loading), which is no part of the refresh being measured.
  for (const path of ["/releases/wmc-2023-results", "/api/releases/wmc-2023-results", "/news-sitemap.xml"])
    expect((await reader.get(path)).status(), path).toBe(200);
});

test.afterAll(async () => {
  await reader?.dispose();
  await b?.stop();
});

/** Polls server B until `check` holds, at most until REFRESH_DEADLINE_MS after `since`; returns when it first did. */
async function msUntil(since: number, check: () => Promise<boolean>): Promise<number> {
  const timeout = Math.max(1, since + REFRESH_DEADLINE_MS - Date.now());
  await expect.poll(check, { timeout, intervals: [50] }).toBe(true);
  return Date.now() - since;
}

test("a release published and then edited through server A is on server B within 2 s", async ({
  request,
}, testInfo) => {
  test.setTimeout(60_000);
  const slug = `e2e-cross-server-${Date.now()}`;
  const title = `跨服务器刷新 ${slug}`;
  const created = await request.post("/api/admin/releases", { data: { title, slug } });
  expect(created.status()).toBe(200);
  const { id, version } = await created.json();

  // B serves its list from its response cache, and knows nothing of the draft.
  await expect
    .poll(async () => (await reader.get("/releases")).headers()["x-pressroom-cache"], { timeout: 10_000 })
    .toBe("HIT");
  expect((await reader.get(`/releases/${slug}`)).status()).toBe(404);

  const published = await request.post(`/api/admin/releases/${id}/transition`, {
    data: { action: "publish", baseVersion: version },
  });
  expect(published.status()).toBe(200);
  const publishedAt = Date.now();
  // Each of B's answers on its own, all measured from the publish.
  const [listedAfter, pageAfter, jsonAfter] = await Promise.all([
    msUntil(publishedAt, async () => (await (await reader.get("/releases")).text()).includes(title)),
    msUntil(publishedAt, async () => (await reader.get(`/releases/${slug}`)).ok()),
    msUntil(publishedAt, async () => (await reader.get(`/api/releases/${slug}`)).ok()),
  ]);
  expect(await (await reader.get(`/api/releases/${slug}`)).json()).toMatchObject({ slug, title });
  const news = await (await reader.get("/news-sitemap.xml")).text();
  expect(news).toContain(`<loc>${process.env.SITE_URL}/releases/${slug}</loc>`);
  expect(news).toContain(`<news:title>${title}</news:title>`);

  // An edit of the live release through A: B's page, list and JSON follow.
  await expect
    .poll(async () => (await reader.get(`/releases/${slug}`)).headers()["x-pressroom-cache"], {
      timeout: 10_000,
    })
    .toBe("HIT");
  const newTitle = `${title}（更正）`;
  const saved = await request.put(`/api/admin/releases/${id}`, {
    data: {
      baseVersion: (await published.json()).version,
      release: { title: newTitle, slug, summary: "", body: "<p>正文</p>", tags: [], figures: [] },
      changeNote: { minor: true },
    },
  });
  expect(saved.status()).toBe(200);
  expect(await saved.json()).toMatchObject({ pending: false });
  const editedAt = Date.now();
  const [editAfter, editJsonAfter, editListAfter] = await Promise.all([
    msUntil(editedAt, async () => (await (await reader.get(`/releases/${slug}`)).text()).includes(newTitle)),
    msUntil(editedAt, async () =>
      (await (await reader.get(`/api/releases/${slug}`)).text()).includes(newTitle),
    ),
    msUntil(editedAt, async () => (await (await reader.get("/releases")).text()).includes(newTitle)),
  ]);

  const measured =
    `after publish: list ${listedAfter} ms, page ${pageAfter} ms, JSON ${jsonAfter} ms; ` +
    `after edit: page ${editAfter} ms, JSON ${editJsonAfter} ms, list ${editListAfter} ms`;
  testInfo.annotations.push({ type: "refresh on server B", description: measured });
  console.log(`cross-server refresh: ${measured}`);
});
