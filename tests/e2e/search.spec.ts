import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

// Readers' search (/search, /api/search) and the admin list's search box, on the seeded 2023 results release.
const SEED_TITLE = "2023世界制造业大会创多项历届之“最”";

async function noHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("a reader searches 签约项目 from the header and 簽約項目 on /search, with highlighted snippets", async ({
  page,
}) => {
  await page.goto("/");
  const box = page.getByRole("search").getByLabel("搜索新闻稿");
  await box.fill("签约项目");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("“签约项目”的搜索结果");
  const hit = page.locator(".search-hit").filter({ hasText: SEED_TITLE });
  await expect(hit.getByRole("link", { name: SEED_TITLE })).toHaveAttribute(
    "href",
    "/releases/wmc-2023-results",
  );
  await expect(hit.locator("mark").first()).toHaveText("签约项目");

  // Traditional script finds the simplified text; the mark is on the text as written.
  const form = page.locator(".search-form");
  await form.getByLabel("搜索新闻稿").fill("簽約項目");
  await form.getByRole("button", { name: "搜索" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("“簽約項目”的搜索结果");
  await expect(page.locator(".search-hit mark").first()).toHaveText("签约项目");

  // A figure value.
  await page.goto("/search?q=3425%E4%BA%BF");
  await expect(page.locator(".search-hit").filter({ hasText: SEED_TITLE })).toBeVisible();
  await expect(page.locator(".search-hit mark").first()).toHaveText("3425亿");
});

test("filters narrow the results, and an empty page helps the reader on", async ({ page }) => {
  await page.goto("/search?q=签约项目");
  const form = page.locator(".search-form");
  await form.getByLabel("分类").selectOption({ label: "安徽省资讯" });
  await form.getByLabel("届次").selectOption("2023");
  await form.getByRole("button", { name: "搜索" }).click();
  await expect(page).toHaveURL(/category=anhui/);
  await expect(page).toHaveURL(/edition=2023/);
  await expect(page.locator(".search-hit").filter({ hasText: SEED_TITLE })).toBeVisible();

  // No release of 2022: the empty page offers to drop the filters, the newest releases and categories.
  await page.goto("/search?q=签约项目&year=2022");
  await expect(page.getByRole("heading", { name: "没有找到与“签约项目”相关的新闻稿。" })).toBeVisible();
  await page.getByRole("link", { name: "去掉筛选条件再搜一次" }).click();
  await expect(page.locator(".search-hit").filter({ hasText: SEED_TITLE })).toBeVisible();

  await page.goto(`/search?q=${encodeURIComponent("没有这样的词语")}`);
  await expect(page.getByRole("heading", { name: "没有找到与“没有这样的词语”相关的新闻稿。" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "最新发布" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "按分类浏览" })).toBeVisible();
  await expect(page.locator(".search-suggestions").getByRole("link", { name: SEED_TITLE })).toBeVisible();
});

test("bad input gets a friendly page, and the API answers 400 in the one error body", async ({
  page,
  request,
}) => {
  const tooLong = "签".repeat(101);
  const response = await page.goto(`/search?q=${encodeURIComponent(tooLong)}`);
  expect(response?.status()).toBe(200);
  await expect(page.locator("#search-problem")).toContainText("搜索词不能超过 100 个字");
  await expect(page.getByLabel("搜索新闻稿").last()).toHaveAttribute("aria-describedby", "search-problem");
  await expect(page.getByRole("heading", { name: "最新发布" })).toBeVisible();

  for (const [query, message] of [
    ["q=", "请输入搜索词"],
    ["", "请输入搜索词"],
    [`q=${encodeURIComponent(tooLong)}`, "搜索词不能超过 100 个字"],
    [`q=${encodeURIComponent("签约\u0000项目")}`, "搜索词不能包含控制字符"],
    [`q=${encodeURIComponent("签约\u202e项目")}`, "搜索词不能包含控制字符"],
    ["q=签约&cursor=eyJvIjoxMH0", "分页游标无效"],
    [`q=签约&cursor=${Buffer.from("o9999").toString("base64url")}`, "分页游标无效"],
    ["q=签约&limit=1000", "每页最多 50 条"],
    ["q=签约&q=项目", "查询参数重复：q"],
  ]) {
    const answer = await request.get(`/api/search?${query}`);
    expect(answer.status(), query).toBe(400);
    expect(await answer.json(), query).toMatchObject({ error: { code: "bad_request", message } });
  }
});

test("GET /api/search returns items with escaped, marked snippets and a working cursor", async ({
  request,
}) => {
  const answer = await request.get(`/api/search?q=${encodeURIComponent("签约项目")}&limit=1`);
  expect(answer.status()).toBe(200);
  expect(answer.headers()["cache-control"]).toContain("no-store");
  const body = (await answer.json()) as {
    items: Array<{
      slug: string;
      title: string;
      summary: string;
      snippet: string;
      publishedAt: string;
      locale: string;
    }>;
    nextCursor: string | null;
  };
  const seed = body.items.find((i) => i.slug === "wmc-2023-results");
  expect(seed).toMatchObject({ title: SEED_TITLE, locale: "zh-CN", publishedAt: "2023-09-28T08:32:08.000Z" });
  expect(seed!.snippet).toContain("<mark>签约项目</mark>");
  expect(seed!.snippet.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
  const none = await (await request.get(`/api/search?q=${encodeURIComponent("%_\\")}`)).json();
  expect(none).toEqual({ items: [], nextCursor: null });
});

test("made-up queries are never cached: no entry, no file, no HIT", async ({ request }) => {
  test.setTimeout(120_000);
  const cacheFiles = () => {
    const names: string[] = [];
    const walk = (dir: string) => {
      if (!fs.existsSync(dir)) return;
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else names.push(full);
      }
    };
    for (const dir of [".next/cache", ".next/server/route-cache", ".next/server/app"])
      walk(path.resolve(dir));
    return names;
  };
  const tokens = Array.from({ length: 25 }, () => `q${crypto.randomBytes(5).toString("hex")}`);
  for (const token of tokens) {
    for (const url of [`/api/search?q=${token}`, `/search?q=${token}`]) {
      const first = await request.get(url);
      const second = await request.get(url);
      expect(first.status(), url).toBe(200);
      expect(second.headers()["x-pressroom-cache"] ?? "", url).not.toBe("HIT");
    }
  }
  expect(cacheFiles().filter((f) => tokens.some((t) => f.includes(t)))).toEqual([]);
});

test.describe("admin", () => {
  test.use({ storageState: "tests/e2e/.auth/admin.json" });

  test("the admin list's search box uses the same engine (traditional script, figures)", async ({ page }) => {
    await page.goto("/admin");
    const form = page.getByRole("search");
    await form.getByLabel("搜索").fill("簽約項目");
    await form.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(/q=/);
    const table = page.locator(".admin-table");
    await expect(table.getByRole("link", { name: SEED_TITLE })).toBeVisible();

    await page.goto(`/admin?q=${encodeURIComponent("3425亿")}`);
    await expect(table.getByRole("link", { name: SEED_TITLE })).toBeVisible();
    await page.goto(`/admin?q=${encodeURIComponent("没有这样的词语")}`);
    await expect(page.getByText("没有符合条件的稿件。")).toBeVisible();
    await page.goto(`/admin?q=${encodeURIComponent("签".repeat(101))}`);
    await expect(page.locator("#admin-search-error")).toHaveText("搜索词不能超过 100 个字");
  });
});

test.describe("narrow screens", () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test("results, empty and refused pages fit 375 px with no horizontal overflow", async ({ page }) => {
    for (const url of [
      "/search",
      "/search?q=签约项目",
      `/search?q=${encodeURIComponent("没有这样的词语")}`,
      `/search?q=${encodeURIComponent("W".repeat(101))}`,
      "/",
    ]) {
      await page.goto(url);
      await expect(page.getByRole("search").first()).toBeVisible();
      await noHorizontalOverflow(page);
    }
  });
});
