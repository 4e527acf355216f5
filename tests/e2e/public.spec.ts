import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

const SLUG = "wmc-2023-results";

test("home leads with the results release and its key figures", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  const lead = page.locator(".lead");
  await expect(lead.getByRole("heading", { name: "2023世界制造业大会创多项历届之“最”" })).toBeVisible();
  const panel = lead.getByRole("region", { name: "大会成果速览" });
  for (const text of ["1.6万名", "974家", "587个", "3425亿元", "35.9万人次", "8万平方米"]) {
    await expect(panel.getByText(text, { exact: true })).toBeVisible();
  }
  await lead.getByRole("link", { name: "2023世界制造业大会创多项历届之“最”" }).click();
  await expect(page).toHaveURL(new RegExp(`/releases/${SLUG}$`));
});

test("release page shows meta line, key figures, records, marked figures and data links", async ({
  page,
}) => {
  await page.goto(`/releases/${SLUG}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("2023世界制造业大会创多项历届之“最”");
  const meta = (term: string) =>
    page
      .locator(".release-meta > div")
      .filter({ has: page.locator("dt", { hasText: term }) })
      .locator("dd");
  await expect(meta("来源")).toHaveText("安徽日报");
  await expect(meta("发布时间")).toHaveText("2023-09-28 16:32:08");
  await expect(meta("更新时间")).toHaveText("2023-09-28 16:32:08");
  await expect(meta("分类")).toHaveText("安徽省资讯");
  // The beacon counts this view and shows the new count.
  await expect(page.getByTestId("view-count")).not.toHaveText("2,719");

  const panel = page.getByRole("region", { name: "大会成果速览" });
  await expect(panel.locator(".key-figure")).toHaveCount(8);
  await expect(panel.locator(".key-figure--record")).toHaveCount(5);
  await expect(panel.locator("data[value='16000']")).toHaveText("1.6万名");

  const body = page.locator(".release-body");
  await expect(body.locator("h2")).toHaveCount(5);
  await expect(body.locator("data.fig")).toHaveCount(50);
  await expect(body.locator("data[data-key='total_coverage']")).toHaveText("约4.8万篇(条)");
  await expect(body.locator("data[data-key='livestream_views']")).toHaveText("超3000万");
  await expect(body.getByText("原稿图片未随稿提供")).toHaveCount(2);
  await expect(body.locator(".credit").first()).toHaveText("蔡菡泠摄");

  await expect(page.getByRole("heading", { name: "创历届之最" })).toBeVisible();
  await expect(page.locator(".records__list li")).toHaveCount(10);
  await expect(page.getByRole("link", { name: "下载数据 (CSV)" })).toHaveAttribute(
    "href",
    `/releases/${SLUG}/figures.csv`,
  );

  await page.getByRole("link", { name: /全部数据（50 项数据）/ }).click();
  await expect(page).toHaveURL(new RegExp(`/releases/${SLUG}/data$`));
  await expect(page.locator("#fig-exhibited_products .figure-table__value")).toHaveText("3000余件");
  await expect(page.locator(".figure-table tbody tr")).toHaveCount(50);
});

test("font size switch changes the article text and is remembered", async ({ page }) => {
  await page.goto(`/releases/${SLUG}`);
  const paragraph = page.locator(".release-body p").first();
  const size = () => paragraph.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const medium = await size();
  await page.getByRole("button", { name: "大", exact: true }).click();
  await expect(page.getByRole("button", { name: "大", exact: true })).toHaveAttribute("aria-pressed", "true");
  expect(await size()).toBeGreaterThan(medium);
  await page.reload();
  await expect(page.getByRole("button", { name: "大", exact: true })).toHaveAttribute("aria-pressed", "true");
  expect(await size()).toBeGreaterThan(medium);
  await page.getByRole("button", { name: "小", exact: true }).click();
  expect(await size()).toBeLessThan(medium);
});

test("unknown pages get the friendly 404 with status 404", async ({ page }) => {
  for (const path of [
    "/releases/no-such-release",
    "/releases/BAD_slug",
    "/categories/nope",
    "/releases/page/99",
    "/no/such/page",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  }
});

test("a typed page 1 of a list goes to the list itself, in both editions", async ({ request }) => {
  for (const [path, target] of [
    ["/releases/page/1", "/releases"],
    ["/categories/anhui/page/1?utm_source=x", "/categories/anhui?utm_source=x"],
    ["/en/releases/page/1", "/en/releases"],
    ["/en/categories/anhui/page/1", "/en/categories/anhui"],
  ]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(301);
    const location = new URL(response.headers().location, "http://any.example");
    expect(location.pathname + location.search, path).toBe(target);
  }
  // Page 1 of a category nobody has is still a 404 once followed.
  expect((await request.get("/categories/nope/page/1")).status()).toBe(404);
});

test("the release list and its category's page both list the seed release", async ({ page }) => {
  await page.goto("/releases");
  await expect(page.getByRole("heading", { level: 1, name: "新闻发布" })).toBeVisible();
  await expect(page.getByRole("link", { name: "2023世界制造业大会创多项历届之“最”" })).toBeVisible();
  await page.goto("/categories/anhui");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("分类：安徽省资讯");
  await expect(page.getByRole("link", { name: "2023世界制造业大会创多项历届之“最”" })).toBeVisible();
});

test("JSON API and CSV serve the figures exactly; bad input gets JSON errors", async ({ request }) => {
  const list = await request.get("/api/releases");
  expect(list.status()).toBe(200);
  const listBody = await list.json();
  expect(listBody.items[0]).toMatchObject({
    slug: SLUG,
    title: "2023世界制造业大会创多项历届之“最”",
    publishedAt: "2023-09-28T08:32:08.000Z",
    category: { slug: "anhui", name: "安徽省资讯" },
  });
  expect(listBody).toHaveProperty("nextCursor", null);

  const one = await request.get(`/api/releases/${SLUG}`);
  expect(one.headers()["content-type"]).toContain("application/json");
  const release = await one.json();
  expect(release.figures).toHaveLength(50);
  expect(release.figures.find((f: { key: string }) => f.key === "signed_investment")).toMatchObject({
    label: "签约项目投资总额",
    value: 3425,
    unit: "亿元",
    baseValue: 342500000000,
    baseUnit: "元",
    qualifier: "exact",
    section: "深化全方位合作",
    highlighted: true,
    record: false,
    sourceText: "投资总额3425亿元,其中",
  });
  expect(release.figures.find((f: { key: string }) => f.key === "guests")).toMatchObject({
    value: 1.6,
    baseValue: 16000,
    record: true,
    recordNote: "创历史新高",
  });

  expect(one.headers()["last-modified"]).toBe("Thu, 28 Sep 2023 08:32:08 GMT");
  const etag = list.headers()["etag"];
  expect((await request.get("/api/releases", { headers: { "if-none-match": etag } })).status()).toBe(304);

  const csv = await request.get(`/releases/${SLUG}/figures.csv`);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString("utf8").slice(1).trim().split("\r\n");
  expect(lines[0]).toBe(
    "key,label,display,value,unit,base_value,base_unit,qualifier,section,highlighted,record,record_note,source_text",
  );
  expect(lines).toHaveLength(51);
  expect(lines).toContain(
    "guests,参会嘉宾和代表,1.6万名,1.6,万名,16000,名,exact,着眼国家级定位,true,true,创历史新高,共邀请国内外1.6万名嘉宾和代表参加大会各项活动",
  );

  for (const [url, status] of [
    ["/api/releases/no-such-release", 404],
    ["/api/releases/Bad_Slug", 400],
    ["/api/releases?limit=abc", 400],
    ["/api/releases?limit=500", 400],
    ["/api/releases?cursor=zzz", 400],
    ["/releases/nope/figures.csv", 404],
  ] as const) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(status);
    const body = await response.json();
    expect(body.error.code, url).toMatch(/not_found|bad_request/);
    expect(body.error.message, url).toBeTruthy();
  }
});

test("no serious or critical accessibility violations", async ({ page }) => {
  for (const path of ["/", `/releases/${SLUG}`, "/releases", "/categories/anhui", "/releases/missing"]) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(
      serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
      path,
    ).toEqual([]);
  }
});

test("holds at phone width without horizontal scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  for (const path of ["/", `/releases/${SLUG}`, "/releases"]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
