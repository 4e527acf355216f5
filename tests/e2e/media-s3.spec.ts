import { expect, request as requestContext, test, type APIRequestContext } from "@playwright/test";
import { startS3Server, type S3TestServer } from "../fixtures/s3-server";
import { startSecondServer, type SecondServer } from "../fixtures/second-server";

// A second production server (same build, same database) configured for an S3 bucket (s3rver, in
// this test's process) with MEDIA_DELIVERY=redirect: an image uploaded through its admin API goes to
// the bucket, and a reader's browser loads it from the release page through the app's publication
// check and a signed URL, under the page's Content Security Policy. Playwright's own server is not
// touched.
test.use({ storageState: "tests/e2e/.auth/publisher.json" });

let s3: S3TestServer;
let b: SecondServer;
let staff: APIRequestContext;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  s3 = await startS3Server();
  b = await startSecondServer({ env: { ...s3.env, MEDIA_DELIVERY: "redirect" } });
  staff = await requestContext.newContext({ baseURL: b.url, storageState: "tests/e2e/.auth/publisher.json" });
});

test.afterAll(async () => {
  await staff?.dispose();
  await b?.stop();
  await s3?.stop();
});

test("an image uploaded with the s3 store reaches the release page's readers only once published", async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const { default: sharp } = await import("sharp");
  const photo = await sharp({ create: { width: 12, height: 8, channels: 3, background: "#336699" } })
    .png()
    .toBuffer();
  const uploaded = await staff.post("/api/admin/media", {
    multipart: { file: { name: "会场.png", mimeType: "image/png", buffer: photo }, alt: "会场全景" },
  });
  expect(uploaded.status(), await uploaded.text()).toBe(200);
  const media = await uploaded.json();
  const slug = `e2e-s3-media-${Date.now()}`;
  const created = await staff.post("/api/admin/releases", {
    data: { title: "对象存储题图", slug, leadImageId: media.id },
  });
  expect(created.status()).toBe(200);
  const { id, version } = await created.json();

  const reader = await requestContext.newContext({
    baseURL: b.url,
    storageState: { cookies: [], origins: [] },
  });
  try {
    // Before publication a reader gets no redirect, hence no signed URL.
    expect((await reader.get(media.url, { maxRedirects: 0 })).status()).toBe(404);
    const published = await staff.post(`/api/admin/releases/${id}/transition`, {
      data: { action: "publish", baseVersion: version },
    });
    expect(published.status()).toBe(200);

    const redirect = await reader.get(media.url, { maxRedirects: 0 });
    expect(redirect.status()).toBe(302);
    const location = redirect.headers().location;
    expect(location.startsWith(`${s3.endpoint}/${s3.bucket}/`)).toBe(true);
    const fromBucket = await reader.get(location);
    expect(fromBucket.headers()["content-type"]).toBe("image/png");
    expect((await sharp(await fromBucket.body()).metadata()).width).toBe(12);
  } finally {
    await reader.dispose();
  }

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const blocked: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
  });
  await expect
    .poll(async () => (await page.goto(`${b.url}/releases/${slug}`))?.status(), { timeout: 5_000 })
    .toBe(200);
  const image = page.getByRole("img", { name: "会场全景" });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(12);
  expect(blocked).toEqual([]);
  await context.close();
});
