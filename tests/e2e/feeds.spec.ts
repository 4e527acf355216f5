import { expect, test } from "@playwright/test";

const SLUG = "wmc-2023-results";
const BASE = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;

test("every public page advertises the site feeds; category pages add their own", async ({ page }) => {
  for (const path of ["/", "/releases", `/releases/${SLUG}`]) {
    await page.goto(path);
    await expect(
      page.locator('link[rel="alternate"][type="application/rss+xml"][href$="/feed.xml"]').first(),
    ).toHaveCount(1);
    await expect(
      page.locator('link[rel="alternate"][type="application/atom+xml"][href$="/atom.xml"]').first(),
    ).toHaveCount(1);
    await expect(
      page.locator('link[rel="alternate"][type="application/feed+json"][href$="/feed.json"]').first(),
    ).toHaveCount(1);
  }
  await page.goto("/categories/anhui");
  await expect(page.locator('link[rel="alternate"][href$="/categories/anhui/feed.xml"]')).toHaveCount(1);
  await expect(page.locator('link[rel="alternate"][href$="/categories/anhui/atom.xml"]')).toHaveCount(1);
  await expect(page.locator('link[rel="alternate"][href$="/categories/anhui/feed.json"]')).toHaveCount(1);
});

test("feeds answer with their content types, validators and 304", async ({ request }) => {
  for (const [path, type] of [
    ["/feed.xml", "application/rss+xml; charset=utf-8"],
    ["/atom.xml", "application/atom+xml; charset=utf-8"],
    ["/feed.json", "application/feed+json; charset=utf-8"],
    ["/categories/anhui/feed.xml", "application/rss+xml; charset=utf-8"],
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"]).toBe(type);
    const etag = response.headers()["etag"];
    const lastModified = response.headers()["last-modified"];
    expect(etag).toBeTruthy();
    expect(lastModified).toBe("Thu, 28 Sep 2023 08:32:08 GMT");
    expect((await request.get(path, { headers: { "if-none-match": etag } })).status()).toBe(304);
    expect((await request.get(path, { headers: { "if-modified-since": lastModified } })).status()).toBe(304);
  }
  expect((await request.get("/categories/nope/feed.xml")).status()).toBe(404);
});

test("release pages carry canonical, Open Graph, Twitter and NewsArticle data", async ({ page }) => {
  await page.goto(`/releases/${SLUG}`);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", `${BASE}/releases/${SLUG}`);
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute(
    "content",
    `${BASE}/releases/${SLUG}/share.png`,
  );
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
  await expect(page.locator('meta[property="article:published_time"]')).toHaveAttribute(
    "content",
    "2023-09-28T16:32:08+08:00",
  );
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(ld).toMatchObject({
    "@type": "NewsArticle",
    headline: "2023世界制造业大会创多项历届之“最”",
    datePublished: "2023-09-28T16:32:08+08:00",
  });
  expect(ld.mentions).toHaveLength(50);
  expect(ld.mentions).toContainEqual({
    // The same measure across editions: its /data page.
    "@id": `${BASE}/data/signed_investment`,
    "@type": "PropertyValue",
    propertyID: "signed_investment",
    name: "签约项目投资总额",
    value: 342500000000,
    unitText: "元",
  });
});

test("the sitemap index leads to the seed release and its category; a file past the last is a 404; the news sitemap leaves it out (older than two days); robots.txt names the news sitemap", async ({
  request,
}) => {
  const index = await request.get("/sitemap.xml");
  expect(index.headers()["content-type"]).toContain("application/xml");
  const indexXml = await index.text();
  expect(indexXml).toContain("<sitemapindex");
  const files = [...indexXml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  expect(files).toContain(`${BASE}/sitemaps/pages.xml`);
  expect(files).toContain(`${BASE}/sitemaps/releases/1.xml`);
  const sitemap = (await Promise.all(files.map(async (f) => (await request.get(f)).text()))).join("\n");
  expect(sitemap).toContain(`<loc>${BASE}/releases/${SLUG}</loc>`);
  expect(sitemap).toContain(`<loc>${BASE}/categories/anhui</loc>`);
  expect(sitemap).toMatch(/<lastmod>2023-09-28T08:32:08.000Z<\/lastmod>/);
  const pastTheLast = await request.get(`/sitemaps/releases/${files.length}.xml`);
  expect(pastTheLast.status()).toBe(404);
  expect(pastTheLast.headers()["cache-control"]).toBe("no-store");
  const news = await request.get("/news-sitemap.xml");
  expect(news.status()).toBe(200);
  const newsXml = await news.text();
  expect(newsXml).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
  // Google News takes articles of the last two days only; a fresh one is checked in cross-server.spec.ts.
  expect(newsXml).not.toContain(`/releases/${SLUG}<`);
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain("Disallow: /admin");
  expect(robots).toContain(`Sitemap: ${BASE}/news-sitemap.xml`);
});

test("the share image is a 1200×630 PNG that renders the Chinese title", async ({
  page,
  request,
}, testInfo) => {
  const response = await request.get(`/releases/${SLUG}/share.png`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
  const png = await response.body();
  expect(png.readUInt32BE(16)).toBe(1200);
  expect(png.readUInt32BE(20)).toBe(630);
  // Look at it: the screenshot is attached to the report; glyphs of a CJK font make a wide, dark title.
  await page.setViewportSize({ width: 1200, height: 630 });
  await page.goto(`/releases/${SLUG}/share.png`);
  await testInfo.attach("share.png", { body: png, contentType: "image/png" });
  const inkRatio = await page.evaluate(async () => {
    const img = document.querySelector("img")!;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = 1200;
    canvas.height = 630;
    const ctx = canvas.getContext("2d")!;
    ctx.drawImage(img, 0, 0);
    // The title band: count dark pixels (title text is #1a1f2b on #f4f6fa).
    const { data } = ctx.getImageData(56, 150, 1000, 150);
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 80 && data[i + 1] < 80 && data[i + 2] < 80) dark++;
    return dark / (data.length / 4);
  });
  expect(inkRatio).toBeGreaterThan(0.08);
  expect((await request.get("/releases/nope/share.png")).status()).toBe(404);
});
