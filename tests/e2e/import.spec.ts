import { expect, test } from "@playwright/test";

test.use({ storageState: "tests/e2e/.auth/editor.json" });

// Fictional text, made up for this test.
const TEXT = `示例博览会E2E成果发布
来源：示例日报
示例博览会共组织参展企业974家，展出产品3000余件，线上访问量达1382.8万人次，均创历届之最。
示例展区现场。张三摄`;

test("paste a release, review it with the keyboard, accept all, create the draft", async ({ page }) => {
  await page.goto("/admin/releases/import");
  await page.getByLabel("粘贴稿件文字").fill(TEXT);
  await page.getByRole("button", { name: "分析稿件" }).click();
  await expect(page.getByText("示例博览会E2E成果发布")).toBeVisible();
  const rows = page.locator(".import-table tbody tr");
  await expect(rows).toHaveCount(3);
  await expect(page.locator("mark.import-mark")).toHaveText(["974家", "3000余件", "1382.8万人次"]);
  // The photo's caption and credit are shown as such and kept for the body (no figure read from it).
  await expect(page.locator(".import-photo")).toContainText("示例展区现场。张三摄");
  await rows.first().focus();
  await page.keyboard.press("r");
  await expect(rows.first()).toContainText("已拒绝");
  await page.keyboard.press("k");
  await page.keyboard.press("a");
  await expect(rows.first()).toContainText("已接受");
  await page.keyboard.press("Shift+A");
  // Value, unit and qualifier are edited in their cells; the server checks them again on create.
  await rows
    .nth(1)
    .getByLabel(/的数值$/)
    .fill("3100");
  await rows
    .nth(1)
    .getByLabel(/的限定词$/)
    .selectOption("over");
  await expect(page.getByRole("button", { name: "创建草稿（3 项数据）" })).toBeVisible();
  await page.getByRole("button", { name: "创建草稿（3 项数据）" }).click();
  await expect(page).toHaveURL(/\/admin\/releases\/[0-9a-f-]{36}$/);
  await expect(page.getByLabel("标题", { exact: true })).toHaveValue("示例博览会E2E成果发布");
  // The body (its typable stand-in until the editor has loaded, then the editor) holds the photo's words.
  const body = page.getByRole("textbox", { name: "正文" }).first();
  await expect(body.locator("figure.photo figcaption")).toHaveText("示例展区现场。张三摄");
  await expect(body.locator("figure.photo .credit")).toHaveText("张三摄");
  await expect
    .poll(() => page.evaluate(() => [...document.querySelectorAll("input")].some((i) => i.value === "3100")))
    .toBe(true);
});

// Fictional text with a date alone under the title (no time): 00:00 Beijing time of that day.
const DATED_TEXT = `示例论坛E2E闭幕
2023年9月24日
示例论坛共邀请示例嘉宾1200名，发布示例成果36项。`;

// Publishing by it is in editions.spec.ts's chain: this project runs beside the reading tests, which
// must see the seed data as seeded.
test("the text's date is proposed as 原文发布时间 and kept on the draft", async ({ page }) => {
  await page.goto("/admin/releases/import");
  await page.getByLabel("粘贴稿件文字").fill(DATED_TEXT);
  await page.getByRole("button", { name: "分析稿件" }).click();
  const stated = page.getByLabel("原文发布时间（北京时间）");
  await expect(stated).toHaveValue("2023-09-24T00:00");
  await expect(page.getByText("原文只写了日期，按当日 00:00（北京时间）记")).toBeVisible();
  await page.getByRole("button", { name: "全部接受" }).click();
  await page.getByRole("button", { name: /^创建草稿/ }).click();
  await expect(page).toHaveURL(/\/admin\/releases\/[0-9a-f-]{36}$/);
  await expect(page.getByLabel("原文发布时间（北京时间）")).toHaveValue("2023-09-24T00:00");
});
