import { expect, test } from "@playwright/test";

test.use({ storageState: "tests/e2e/.auth/editor.json" });

// Fictional text, made up for this test.
const TEXT = `示例博览会E2E成果发布
来源：示例日报
示例博览会共组织参展企业974家，展出产品3000余件，线上访问量达1382.8万人次，均创历届之最。`;

test("paste a release, review it with the keyboard, accept all, create the draft", async ({ page }) => {
  await page.goto("/admin/releases/import");
  await page.getByLabel("粘贴稿件文字").fill(TEXT);
  await page.getByRole("button", { name: "分析稿件" }).click();
  await expect(page.getByText("示例博览会E2E成果发布")).toBeVisible();
  const rows = page.locator(".import-table tbody tr");
  await expect(rows).toHaveCount(3);
  await expect(page.locator("mark.import-mark")).toHaveText(["974家", "3000余件", "1382.8万人次"]);
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
  await expect
    .poll(() => page.evaluate(() => [...document.querySelectorAll("input")].some((i) => i.value === "3100")))
    .toBe(true);
});

// Fictional text with a date alone under the title (no time): 00:00 Beijing time of that day.
const DATED_TEXT = `示例论坛E2E闭幕
2023年9月24日
示例论坛共邀请示例嘉宾1200名，发布示例成果36项。`;

test("the text's date becomes the draft's 原文发布时间, and publishing by it dates the public page", async ({
  browser,
  page,
}) => {
  await page.goto("/admin/releases/import");
  await page.getByLabel("粘贴稿件文字").fill(DATED_TEXT);
  await page.getByRole("button", { name: "分析稿件" }).click();
  const stated = page.getByLabel("原文发布时间（北京时间）");
  await expect(stated).toHaveValue("2023-09-24T00:00");
  await expect(page.getByText("原文只写了日期，按当日 00:00（北京时间）记")).toBeVisible();
  await page.getByRole("button", { name: "全部接受" }).click();
  await page.getByRole("button", { name: /^创建草稿/ }).click();
  await expect(page).toHaveURL(/\/admin\/releases\/[0-9a-f-]{36}$/);
  const draftUrl = new URL(page.url()).pathname;
  await expect(page.getByLabel("原文发布时间（北京时间）")).toHaveValue("2023-09-24T00:00");

  // A publisher publishes it: by the stated date is the default choice.
  const publisherContext = await browser.newContext({ storageState: "tests/e2e/.auth/publisher.json" });
  const publisher = await publisherContext.newPage();
  await publisher.goto(draftUrl);
  const byStated = publisher.getByRole("radio", { name: "按原文时间发布（2023-09-24 00:00:00）" });
  await expect(byStated).toBeChecked();
  await expect(publisher.getByRole("radio", { name: "以当前时间发布" })).not.toBeChecked();
  await publisher.getByRole("button", { name: "立即发布" }).click();
  await expect(publisher.getByTestId("release-status")).toHaveText("已发布");
  await expect(publisher.getByText("发布时间：2023-09-24 00:00:00（北京时间）")).toBeVisible();
  const slug = await publisher.getByLabel("网址别名").inputValue();
  await publisher.goto(`/releases/${slug}`);
  const published = publisher.locator(".release-meta div", { hasText: "发布时间" }).locator("time");
  await expect(published).toHaveText("2023-09-24 00:00:00");
  await expect(published).toHaveAttribute("datetime", "2023-09-24T00:00:00+08:00");
  await publisherContext.close();
});
