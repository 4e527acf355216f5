import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

// The release editor's figure grid (#11 §4): keyboard editing, reordering, delete and undo, errors
// on their cells, 标为数据 from the body, and the 2023 release's 50 figures at desktop and phone widths.

test.use({ storageState: "tests/e2e/.auth/editor.json" });

const figure = (key: string, label: string, value: string, unit: string) => ({ key, label, value, unit });

async function releaseWithFigures(request: APIRequestContext, figures: ReturnType<typeof figure>[]) {
  const slug = `e2e-grid-${Date.now()}-${Math.floor(Math.random() * 1000)}`;
  const created = await request.post("/api/admin/releases", { data: { title: `数据表格 ${slug}`, slug } });
  const { id, version } = await created.json();
  const saved = await request.put(`/api/admin/releases/${id}`, {
    data: {
      baseVersion: version,
      release: { title: `数据表格 ${slug}`, slug, summary: "", body: "<p>正文</p>", tags: [], figures },
    },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  return id as string;
}

const labels = (page: Page) =>
  page
    .locator('[data-testid="figure-row"] input[aria-label^="指标名称"]')
    .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
const cell = (page: Page, row: number, column: string) =>
  page.getByTestId("figure-row").nth(row).getByLabel(column);

test("the grid works by keyboard: edit, move with Enter and arrows, reorder, delete and undo", async ({
  page,
  request,
}) => {
  const id = await releaseWithFigures(request, [
    figure("grid_a", "甲", "1", "个"),
    figure("grid_b", "乙", "2", "个"),
    figure("grid_c", "丙", "3", "个"),
  ]);
  await page.goto(`/admin/releases/${id}`);

  // Edit a value, Enter goes down the column, arrows move between rows and (at the text's edge) cells.
  await cell(page, 0, "数值").fill("1.5");
  await page.keyboard.press("Enter");
  await expect(cell(page, 1, "数值")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(cell(page, 2, "数值")).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(cell(page, 1, "数值")).toBeFocused();
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowLeft");
  await expect(cell(page, 1, "指标名称")).toBeFocused();
  await page.keyboard.press("End");
  await page.keyboard.press("ArrowRight");
  await expect(cell(page, 1, "数值")).toBeFocused();
  await expect(page.getByTestId("figure-row").first().locator(".figure-grid__preview")).toHaveText("1.5个");

  // Reorder: Alt+↓ from a cell moves the row and the focus with it; ↑ on a row's handle moves it up.
  await cell(page, 0, "指标名称").focus();
  await page.keyboard.press("Alt+ArrowDown");
  expect(await labels(page)).toEqual(["乙", "甲", "丙"]);
  await expect(cell(page, 1, "指标名称")).toBeFocused();
  await page.getByRole("button", { name: /^第 3 项，共 3 项/ }).focus();
  await page.keyboard.press("ArrowUp");
  expect(await labels(page)).toEqual(["乙", "丙", "甲"]);
  await expect(page.getByRole("status").filter({ hasText: "已移到第 2 项" })).toBeVisible();

  // Delete by keyboard, then undo: the row comes back in its place, focus on its first cell.
  await page.getByRole("button", { name: "删除第 2 项" }).focus();
  await page.keyboard.press("Enter");
  expect(await labels(page)).toEqual(["乙", "甲"]);
  const undo = page.getByRole("button", { name: "撤销删除“丙”" });
  await expect(undo).toBeFocused();
  await page.keyboard.press("Enter");
  expect(await labels(page)).toEqual(["乙", "丙", "甲"]);
  await expect(cell(page, 1, "指标名称")).toBeFocused();
  await expect(undo).toHaveCount(0);

  // The order and the edited value are what gets saved.
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByTestId("save-status")).toContainText("已保存（第 3 版）");
  await page.reload();
  expect(await labels(page)).toEqual(["乙", "丙", "甲"]);
  await expect(cell(page, 2, "数值")).toHaveValue("1.5");
});

test("a refused save shows each error on its cell and focuses the first, in the side panel if need be", async ({
  page,
  request,
}) => {
  const id = await releaseWithFigures(request, [
    figure("err_a", "甲", "1", "个"),
    figure("err_b", "乙", "2", "个"),
    figure("err_c", "丙", "3", "个"),
  ]);
  await page.goto(`/admin/releases/${id}`);
  await cell(page, 2, "数值").fill("很多");
  await page.getByRole("button", { name: "第 2 项详情" }).click();
  const details = page.getByRole("dialog", { name: /第 2 项/ });
  await details.getByLabel("纪录（历届之最）").check();
  await details.getByRole("button", { name: "关闭" }).click();
  await expect(page.getByRole("button", { name: "第 2 项详情" })).toBeFocused();

  await page.getByRole("button", { name: "保存", exact: true }).click();
  // First in page order: row 2's record note, which lives in the side panel.
  const note = page.getByRole("dialog", { name: /第 2 项/ }).getByLabel("纪录说明");
  await expect(note).toBeFocused();
  await expect(page.getByRole("dialog").getByText("请写明纪录说明")).toBeVisible();
  await expect(page.getByRole("button", { name: "第 2 项详情（1 处错误）" })).toBeVisible();
  // Row 3's value error sits on its cell.
  await expect(cell(page, 2, "数值")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("figure-row").nth(2)).toContainText("数值必须是数字，例如 1.6 或 3425");

  await note.fill("创历史新高");
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(cell(page, 2, "数值")).toBeFocused();
  await expect(page.getByRole("dialog")).toHaveCount(0);
});

test("selecting 1.6万名 in the body offers 标为数据, which makes the figure with its mention and sentence", async ({
  page,
  request,
}) => {
  const id = await releaseWithFigures(request, []);
  await page.goto(`/admin/releases/${id}`);
  const mark = page.getByRole("button", { name: "标为数据" });
  await expect(mark).toBeDisabled();
  await page.locator(".rte-content").click();
  await expect(page.locator(".rte-content.ProseMirror")).toBeFocused();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("大会圆满闭幕。本届大会共邀请国内外1.6万名嘉宾和代表参加。");
  await page.keyboard.press("ArrowLeft");
  for (let i = 0; i < 7; i++) await page.keyboard.press("ArrowLeft");
  for (let i = 0; i < 5; i++) await page.keyboard.press("Shift+ArrowLeft");
  await expect(mark).toBeEnabled();
  await mark.click();

  const row = page.getByTestId("figure-row");
  await expect(row).toHaveCount(1);
  await expect(row.getByLabel("数值")).toHaveValue("1.6");
  await expect(row.getByLabel("单位")).toHaveValue("万名");
  // The registry knows this sentence's figure: the seed's key and label.
  await expect(row.getByLabel("标识")).toHaveValue("guests");
  await expect(row.getByLabel("指标名称")).toHaveValue("参会嘉宾和代表");
  await expect(row.getByLabel("数值")).toBeFocused();
  await page.getByRole("button", { name: "第 1 项详情" }).click();
  const details = page.getByRole("dialog", { name: /第 1 项/ });
  await expect(details.getByLabel("原文写法")).toHaveValue("1.6万名");
  await expect(details.getByLabel("原文句子")).toHaveValue("本届大会共邀请国内外1.6万名嘉宾和代表参加。");

  // Selecting words that are no figure offers nothing.
  await page.keyboard.press("Escape");
  await page.locator(".rte-content").click();
  await page.keyboard.press("Home");
  for (let i = 0; i < 2; i++) await page.keyboard.press("Shift+ArrowRight");
  await expect(mark).toBeDisabled();

  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByTestId("save-status")).toContainText("已保存（第 3 版）");
});

async function open2023Release(page: Page) {
  await page.goto("/admin?q=wmc-2023-results");
  await page
    .getByRole("table")
    .getByRole("link", { name: /2023世界制造业大会/ })
    .click();
  await expect(page).toHaveURL(/\/admin\/releases\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("figure-row")).toHaveCount(50);
}

test("the 2023 release's 50 figures: about three screens at 1440 px, no overflow at 375 px, accessible", async ({
  page,
}) => {
  // Two layouts and an axe pass over 50 rows of inputs: more than the default 30 s on a busy 2-core machine.
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await open2023Release(page);
  const grid = await page.locator(".figure-grid__table").boundingBox();
  expect(grid!.height).toBeLessThan(3 * 900);
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  // What sticks out past the right edge, named in the failure message.
  const wide = () =>
    page.evaluate(() =>
      [...document.querySelectorAll("body *")]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 8)
        .map((el) => `${el.tagName.toLowerCase()}.${String(el.className)}`)
        .join(" "),
    );
  await expect.poll(overflow, { message: `overflow at 1440 px: ${await wide()}` }).toBeLessThanOrEqual(0);
  await page.getByRole("button", { name: "第 1 项详情" }).click();
  await expect(page.getByRole("dialog", { name: /第 1 项/ })).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  await page.keyboard.press("Escape");

  await page.setViewportSize({ width: 375, height: 800 });
  await expect.poll(overflow).toBeLessThanOrEqual(0);
  await page.getByRole("button", { name: "第 1 项详情" }).click();
  expect(await overflow()).toBeLessThanOrEqual(0);
});

test("the editor of the 2023 release loads without layout shift and under 1,500 elements", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<
        PerformanceEntry & { value: number; hadRecentInput: boolean }
      >)
        if (!entry.hadRecentInput) w.__cls += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  await open2023Release(page);
  await page.reload();
  // Measured once the rich-text editor has mounted (it loads when the body is reached: here by focus).
  await page.locator(".rte-content").focus();
  await expect(page.locator(".rte-content.ProseMirror")).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole("button", { name: "粗体" })).toBeEnabled();
  const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
  expect(cls).toBeLessThan(0.05);
  expect(await page.evaluate(() => document.querySelectorAll("*").length)).toBeLessThan(1500);
});

test("the registry list answers staff only", async ({ request, playwright, baseURL }) => {
  const staff = await request.get("/api/admin/figure-keys");
  expect(staff.status()).toBe(200);
  expect((await staff.json()).keys).toContainEqual(
    expect.objectContaining({ key: "guests", baseUnit: "名", label: "参会嘉宾和代表" }),
  );
  const stranger = await playwright.request.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
  });
  const refused = await stranger.get("/api/admin/figure-keys");
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("unauthenticated");
  await stranger.dispose();
});
