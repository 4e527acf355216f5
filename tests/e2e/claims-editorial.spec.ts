// Runs in the "editorial" project (its file name matches /editorial\.spec\.ts/): figure checks in the editor.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test.use({ storageState: "tests/e2e/.auth/publisher.json" });

const figure = (over: Record<string, unknown>) => ({ qualifier: "exact", highlighted: false, ...over });

test.describe("figure checks next to the figures", () => {
  test("a broken sum and share are shown, and the panel follows a save that mends the sum", async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const created = await page.request.post("/api/admin/releases", {
      data: {
        title: `数据核对测试 ${Date.now()}`,
        slug: `e2e-checks-${Date.now()}-${Math.floor(Math.random() * 1000)}`,
        body: "<p>举办各类活动60场次，其中论坛活动21场、其他活动38场。签约项目587个，其中制造业项目534个，占比93%。另有5个方面。</p>",
        figures: [
          figure({
            key: "events",
            label: "各类活动",
            value: "60",
            unit: "场次",
            partsComplete: true,
            mention: "60场次",
          }),
          figure({
            key: "forums",
            label: "论坛活动",
            value: "21",
            unit: "场",
            partOfKey: "events",
            mention: "21场",
          }),
          figure({
            key: "other_events",
            label: "其他活动",
            value: "38",
            unit: "场",
            partOfKey: "events",
            mention: "38场",
          }),
          figure({ key: "signed_projects", label: "签约项目", value: "587", unit: "个", mention: "587个" }),
          figure({
            key: "manufacturing_projects",
            label: "制造业项目",
            value: "534",
            unit: "个",
            partOfKey: "signed_projects",
            mention: "534个",
          }),
          figure({
            key: "manufacturing_project_share",
            label: "制造业项目数占比",
            value: "93",
            unit: "%",
            shareOfKey: "manufacturing_projects",
            mention: "93%",
          }),
        ],
      },
    });
    expect(created.status()).toBe(200);
    const { id } = await created.json();

    const checks = await page.request.get(`/api/admin/releases/${id}/checks`);
    expect(checks.status()).toBe(200);
    expect((await checks.json()).signOff).toEqual({ required: false, unconfirmed: [] });

    await page.goto(`/admin/releases/${id}`);
    const panel = page.getByTestId("figure-checks");
    await expect(panel).toContainText("各部分之和与总数不符：21场 + 38场 = 59，而“各类活动”为 60场次");
    await expect(panel).toContainText(
      "占比不符：“制造业项目数占比”写 93%，而 534个 ÷ 587个 = 91%，相差超过 1 个百分点",
    );
    await expect(panel).toContainText("正文中的数字未对应数据：“5个”");
    const axe = await new AxeBuilder({ page }).include('[data-testid="figure-checks"]').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);

    // 其他活动 is the third figure: its value cell in the grid.
    await page.getByLabel("数值（第 3 项）", { exact: true }).fill("39");
    await expect(panel).toContainText("有未保存的修改");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.getByTestId("save-status")).toContainText("已保存（第 2 版）");
    // The sum holds now, but the body still says 38场.
    await expect(panel).toContainText("各部分之和与总数相符：21场 + 39场 = 60（各类活动 60场次）");
    await expect(panel).toContainText("“其他活动”的原文写法“38场”与数据 39场 不符");
    await expect(panel).not.toContainText("有未保存的修改");

    for (const width of [375, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await panel.scrollIntoViewIfNeeded();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal overflow at ${width}px`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: test.info().outputPath(`figure-checks-${width}.png`), fullPage: false });
    }
  });
});
