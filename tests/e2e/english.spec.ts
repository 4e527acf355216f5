import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import Parser from "rss-parser";

// The English edition (issue 13 §2): the seeded translation of the 2023 results release, its
// figures from the shared rows, language links, feeds, and a Chinese figure change reaching it.
const ZH = "wmc-2023-results";
const EN = "wmc-2023-results-en";
const SHOTS = process.env.E2E_SCREENSHOTS_DIR;
const as = (role: "editor" | "publisher") => ({ storageState: `tests/e2e/.auth/${role}.json` });

/** Every CSP violation and script error of the page. */
async function watchViolations(page: Page) {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return errors;
}

test.describe("English pages of the seeded translation", () => {
  test("state the shared figures in English, with lang, hreflang and no CSP violation", async ({ page }) => {
    const errors = await watchViolations(page);
    const response = await page.goto(`/en/releases/${EN}`);
    expect(response?.status()).toBe(200);
    const scriptSrc = response
      ?.headers()
      ["content-security-policy"]?.split(";")
      .find((d) => d.trim().startsWith("script-src"));
    expect(scriptSrc?.trim()).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/]+=*')+$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    const keyFigures = page.getByRole("region", { name: "Key figures" });
    await expect(keyFigures).toContainText("342.5 billion");
    await expect(keyFigures).toContainText("16,000");
    await expect(page.locator('data[value="342500000000"]').first()).toContainText("342.5 billion yuan");
    await expect(page.locator('data[value="16000"]').first()).toHaveText("16,000");
    await expect(page.getByText("Translated from the Chinese original on")).toBeVisible();
    await expect(page.locator('link[rel="alternate"][hreflang="zh-CN"]')).toHaveAttribute(
      "href",
      new RegExp(`/releases/${ZH}$`),
    );
    await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute(
      "href",
      new RegExp(`/en/releases/${EN}$`),
    );
    await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
      "href",
      /\/en\/feed\.xml$/,
    );
    // Hydrated (the font switch is a client component) under the hash-based CSP.
    await page.getByRole("button", { name: "L", exact: true }).click();
    await expect(page.locator("#release-article")).toHaveAttribute("data-font-size", "large");
    expect(errors).toEqual([]);

    await page.goto(`/releases/${ZH}`);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute(
      "href",
      new RegExp(`/en/releases/${EN}$`),
    );
    await expect(page.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveAttribute(
      "href",
      new RegExp(`/releases/${ZH}$`),
    );
  });

  test("the language switch leads to the translation, the same list, or the other home", async ({ page }) => {
    await page.goto(`/releases/${ZH}`);
    await page.getByRole("link", { name: "Read in English" }).click();
    await expect(page).toHaveURL(new RegExp(`/en/releases/${EN}$`));
    await page.getByRole("link", { name: "阅读中文原文" }).click();
    await expect(page).toHaveURL(new RegExp(`/releases/${ZH}$`));
    await page.goto("/releases");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/en\/releases$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: "Releases", level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: /2023 World Manufacturing Convention/ })).toBeVisible();
    await page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "中文" })
      .click();
    await expect(page).toHaveURL(/\/releases$/);
    // A release's switch leads to its translation, which has its own slug.
    await page.goto(`/en/releases/${EN}`);
    await page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "中文" })
      .click();
    await expect(page).toHaveURL(new RegExp(`/releases/${ZH}$`));
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(new RegExp(`/en/releases/${EN}$`));
    // A page both editions have: the same page.
    await page.goto("/en/editions");
    await expect(
      page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "中文" }),
    ).toHaveAttribute("href", "/editions");
    await page.goto("/en");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("region", { name: "Key figures" })).toContainText("342.5 billion yuan");
  });

  test("English addresses nobody published are 404s; the Chinese slug is not an English page", async ({
    request,
  }) => {
    for (const path of [
      `/en/releases/${ZH}`,
      "/en/releases/no-such-release",
      "/en/data/no_such_key",
      "/en/no-such-page",
      "/en/editions/1999",
      // Sections with no page of their own, and deeper addresses of pages that have none.
      "/en/categories",
      "/en/data",
      "/en/search/x",
      "/en/feed.xml/x",
    ]) {
      const missing = await request.get(path);
      expect(missing.status(), path).toBe(404);
      // The English 404, in the English root layout: not the Chinese page.
      const html = await missing.text();
      expect(html, path).toContain('<html lang="en"');
      expect(html, path).toContain("Page not found");
    }
    const moved = await request.get(`/releases/${EN}`, { maxRedirects: 0 });
    expect(moved.status()).toBe(308);
    expect(moved.headers().location).toMatch(new RegExp(`/en/releases/${EN}$`));
    expect((await request.get("/en/data/signed_investment")).status()).toBe(200);
    expect(await (await request.get("/en/data/signed_investment")).text()).toContain("342.5 billion yuan");
    expect((await request.get("/en/editions")).status()).toBe(200);
  });

  test("English feeds parse and list the English release; sitemaps carry the alternates", async ({
    request,
  }) => {
    const parser = new Parser();
    for (const path of ["/en/feed.xml", "/en/atom.xml"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      const feed = await parser.parseString(await response.text());
      expect(feed.items.map((i) => i.link)).toContain(
        `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}/en/releases/${EN}`,
      );
      expect(feed.items.every((i) => !i.link?.endsWith(`/releases/${ZH}`))).toBe(true);
    }
    const json = await (await request.get("/en/feed.json")).json();
    expect(json.version).toBe("https://jsonfeed.org/version/1.1");
    expect(json.language).toBe("en");
    expect(json.items[0].content_html).toContain("342.5 billion yuan");
    // The Chinese feed stays Chinese.
    expect(await (await request.get("/feed.xml")).text()).not.toContain(`/en/releases/${EN}`);

    // /sitemap.xml is an index: the release files carry the releases' alternates, pages.xml the pages'.
    const index = await (await request.get("/sitemap.xml")).text();
    const files = [...index.matchAll(/<loc>[^<]*?(\/sitemaps\/[^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(files).toContain("/sitemaps/pages.xml");
    const sitemap = (await Promise.all(files.map(async (file) => (await request.get(file)).text()))).join(
      "\n",
    );
    expect(sitemap).toMatch(new RegExp(`<xhtml:link rel="alternate" hreflang="en" href="[^"]*/en"`));
    expect(sitemap).toMatch(
      new RegExp(`<xhtml:link rel="alternate" hreflang="en" href="[^"]*/en/releases/${EN}"`),
    );
    expect(sitemap).toContain(`/en/releases/${EN}</loc>`);
  });

  for (const width of [375, 1440])
    test(`no horizontal overflow at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      for (const [path, name] of [
        ["/en", "en-home"],
        [`/en/releases/${EN}`, "en-release"],
      ]) {
        await page.goto(path);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, path).toBeLessThanOrEqual(0);
        if (SHOTS) {
          fs.mkdirSync(SHOTS, { recursive: true });
          await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
          await page.screenshot({ path: `${SHOTS}/${name}-${width}-top.png` });
        }
      }
    });
});

test.describe("English search", () => {
  test("the header's search leads to the English search page, whose results link the English pages", async ({
    page,
  }) => {
    await page.goto("/en");
    await page.getByRole("search").getByRole("searchbox").fill("manufacturing convention");
    await page.getByRole("search").getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/en\/search\?q=manufacturing\+convention$/);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Results for “manufacturing convention”",
    );
    const hit = page.locator(".search-hit").filter({ hasText: "World Manufacturing Convention" }).first();
    await expect(hit.getByRole("link").first()).toHaveAttribute("href", `/en/releases/${EN}`);
    // Categories by their English names, and the language switch keeps the page.
    await expect(page.getByLabel("Category").locator("option", { hasText: "Anhui news" })).toHaveCount(1);
    await expect(page.locator(".language-switch")).toHaveAttribute("href", "/search");
    // A Chinese query from the English page finds the Chinese release, linked at its Chinese address.
    await page.goto(`/en/search?q=${encodeURIComponent("签约项目")}`);
    await expect(page.locator(`.search-hit a[href="/releases/${ZH}"]`).first()).toBeVisible();
    // A refused query is explained in English.
    await page.goto(`/en/search?q=${"a".repeat(101)}`);
    await expect(page.locator("#search-problem")).toContainText("at most 100 characters");
    await expect(page.locator("#search-problem")).not.toContainText(/[\u4e00-\u9fff]/);
    await page.goto("/en/search?q=zzqqxxnothing");
    await expect(page.locator(".search-empty h2")).toContainText("No releases match");
  });
});

test.describe("English category, edition and release data pages", () => {
  test("the category page lists the English release under the English name, with switch and hreflang", async ({
    page,
  }) => {
    const response = await page.goto("/en/categories/anhui");
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Category: Anhui news");
    const card = page.locator(".release-card").filter({ has: page.locator(`a[href="/en/releases/${EN}"]`) });
    await expect(card).toHaveCount(1);
    await expect(card.getByRole("link", { name: "Anhui news" })).toHaveAttribute(
      "href",
      "/en/categories/anhui",
    );
    await expect(page.locator('link[rel="alternate"][hreflang="zh-CN"]')).toHaveAttribute(
      "href",
      /\/categories\/anhui$/,
    );
    // English pages announce the English feeds only: the category feeds are Chinese.
    await expect(page.locator('link[rel="alternate"][href*="/categories/anhui/feed"]')).toHaveCount(0);
    const nav = page.getByRole("navigation", { name: "Main navigation" });
    await expect(nav.getByRole("link", { name: "Anhui news" })).toHaveAttribute(
      "href",
      "/en/categories/anhui",
    );
    await nav.getByRole("link", { name: "中文" }).click();
    await expect(page).toHaveURL(/\/categories\/anhui$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("分类：安徽省资讯");
    await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute(
      "href",
      /\/en\/categories\/anhui$/,
    );
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/en\/categories\/anhui$/);
  });

  test("/en/editions/2023 shows the edition in English with the English release and its figures", async ({
    page,
  }) => {
    await page.goto("/en/editions");
    // The year's title names the event too when several events have public editions.
    await page.locator('.edition-card__title a[href="/en/editions/2023"]').first().click();
    await expect(page).toHaveURL(/\/en\/editions\/2023$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("World Manufacturing Convention 2023");
    await expect(page.getByRole("region", { name: "Key figures" }).first()).toContainText(
      "342.5 billion yuan",
    );
    await expect(page.locator(`.release-card a[href="/en/releases/${EN}"]`)).toBeVisible();
    await expect(page.locator("main")).not.toContainText("合肥");
    await expect(page.locator('link[rel="alternate"][hreflang="zh-CN"]')).toHaveAttribute(
      "href",
      /\/editions\/2023$/,
    );
    await page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "中文" })
      .click();
    await expect(page).toHaveURL(/\/editions\/2023$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  });

  test("the English release links its figures table and CSV in English, from the same stored rows", async ({
    page,
    request,
  }) => {
    await page.goto(`/en/releases/${EN}`);
    await page.getByRole("link", { name: /^All figures \(50 figures\)/ }).click();
    await expect(page).toHaveURL(new RegExp(`/en/releases/${EN}/data$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("All figures");
    await expect(page.locator(".figure-table")).toContainText("342.5 billion yuan");
    const link = page.getByRole("link", { name: "Download figures (CSV)" });
    await expect(link).toHaveAttribute("href", `/en/releases/${EN}/figures.csv`);
    const csv = await request.get(`/en/releases/${EN}/figures.csv`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const text = await csv.text();
    expect(text).toContain("Guests and delegates");
    expect(text).toMatch(/signed_investment,[^\r\n]*342\.5 billion yuan,3425,/);
    expect(await (await request.get(`/releases/wmc-2023-results/figures.csv`)).text()).toMatch(
      /signed_investment,[^\r\n]*,3425,/,
    );
  });

  test("the pages sitemap lists the category and edition-year pages in both languages, paired", async ({
    request,
  }) => {
    const sitemap = await (await request.get("/sitemaps/pages.xml")).text();
    for (const path of ["/categories/anhui", "/en/categories/anhui", "/editions/2023", "/en/editions/2023"])
      expect(sitemap).toContain(`${path}</loc>`);
    expect(sitemap).toMatch(/<xhtml:link rel="alternate" hreflang="en" href="[^"]*\/en\/categories\/anhui"/);
    expect(sitemap).toMatch(/<xhtml:link rel="alternate" hreflang="en" href="[^"]*\/en\/editions\/2023"/);
  });

  test("made-up English categories, pages and years are 404s", async ({ request }) => {
    for (const path of [
      "/en/categories/made-up-category",
      "/en/categories/anhui/page/2",
      "/en/categories/anhui/feed.xml",
      "/en/editions/1999",
      "/en/editions/2023x",
      `/en/releases/${ZH}/figures.csv`,
      `/en/releases/${EN}/share.png`,
    ])
      expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
  });

  for (const width of [375, 1440])
    test(`the new English pages have no horizontal overflow at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      for (const [path, name] of [
        ["/en/categories/anhui", "en-category"],
        ["/en/editions/2023", "en-edition-2023"],
        ["/en/editions", "en-editions"],
        [`/en/releases/${EN}/data`, "en-release-data"],
        ["/en/data/signed_investment", "en-data-key"],
      ]) {
        expect((await page.goto(path))?.status(), path).toBe(200);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, path).toBeLessThanOrEqual(0);
        if (SHOTS) {
          fs.mkdirSync(SHOTS, { recursive: true });
          await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
        }
      }
    });
});

test.describe("a Chinese figure change reaches the English page", () => {
  test.use(as("publisher"));
  test("a publisher's live edit shows in English within 2 s and flags the translation out of date", async ({
    page,
    request,
  }) => {
    test.setTimeout(60_000);
    const slug = `e2e-en-${Date.now()}`;
    const created = await request.post("/api/admin/releases", {
      data: {
        title: "英文版同步测试",
        slug,
        figures: [
          { key: "signed_investment", label: "投资总额", value: "3425", unit: "亿元", highlighted: true },
          { key: "guests", label: "嘉宾", value: "1.6", unit: "万名", highlighted: true },
        ],
      },
    });
    expect(created.status()).toBe(200);
    const original = await created.json();
    const publish = async (id: string, version: number) =>
      expect(
        (
          await request.post(`/api/admin/releases/${id}/transition`, {
            data: { action: "publish", baseVersion: version },
          })
        ).status(),
      ).toBe(200);
    await publish(original.id, original.version);
    const translated = await request.post(`/api/admin/releases/${original.id}/translation`, {
      data: { action: "create", title: "Synchronisation test" },
    });
    expect(translated.status()).toBe(200);
    const english = await translated.json();
    await publish(english.id, 1);
    const englishPath = `/en/releases/${english.slug}`;
    await expect(async () => {
      expect(await (await request.get(englishPath)).text()).toContain("342.5 billion yuan");
    }).toPass({ timeout: 5_000, intervals: [250] });

    // The publisher changes 3425亿元 to 3426亿元 in the Chinese editor: live at once.
    await page.goto(`/admin/releases/${original.id}`);
    await expect(page.getByRole("group", { name: "英文版" })).toContainText("英文版与数据一致");
    const row = page
      .getByTestId("figure-row")
      .filter({ has: page.locator('input[aria-label^="指标名称"][value="投资总额"]') });
    await row.getByLabel("数值").fill("3426");
    await page.getByLabel("类型").selectOption("correction");
    await page.getByLabel("说明", { exact: true }).fill("投资总额更正为3426亿元");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.getByTestId("save-status")).toContainText("已保存");
    await expect(async () => {
      const html = await (await request.get(englishPath)).text();
      expect(html).toContain("342.6 billion yuan");
      expect(html).not.toContain("342.5 billion yuan");
    }).toPass({ timeout: 2_000, intervals: [200] });

    // Flagged in the admin: the list, the dashboard and both editors.
    await page.goto(`/admin?q=${english.slug}`);
    const listRow = page.getByRole("table").getByRole("row").filter({ hasText: "Synchronisation test" });
    await expect(listRow).toContainText("英文版已过期");
    await expect(page.getByRole("region", { name: /英文版已过期/ })).toContainText("Synchronisation test");
    await page.goto(`/admin/releases/${english.id}`);
    const panel = page.getByRole("group", { name: "英文译文" });
    await expect(panel).toContainText("英文版已过期");
    await panel.getByRole("button", { name: "确认已按原文核对" }).click();
    await expect(page.getByRole("group", { name: "英文译文" })).toContainText("与原文数据一致");
  });
});
