import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";

const as = (role: "editor" | "publisher" | "admin") => ({ storageState: `tests/e2e/.auth/${role}.json` });

async function createRelease(page: Page, title: string) {
  await page.goto("/admin/releases/new");
  await page.getByLabel("标题", { exact: true }).fill(title);
  await page
    .getByLabel("网址别名（自动生成，可修改）")
    .fill(`e2e-${Date.now()}-${Math.floor(Math.random() * 1000)}`);
  await page.getByRole("button", { name: "创建草稿" }).click();
  await expect(page).toHaveURL(/\/admin\/releases\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("save-status")).toContainText("已保存（第 1 版）");
  return page.url().split("/").pop()!;
}

/** Fills one field and saves, expecting the given version. */
async function saveField(page: Page, label: string, value: string, version: number) {
  await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByTestId("save-status")).toContainText(`已保存（第 ${version} 版）`);
}

/**
 * Editor A's summary, autosaved on version 1 and never saved; publisher B then saves a new title
 * as version 2. The two pages, each in its own browser, are returned.
 */
async function offerOnVersionOne(browser: Browser, name: string, title: string) {
  const a = await (await browser.newContext(as("editor"))).newPage();
  const id = await createRelease(a, `${name} ${Date.now()}`);
  await a.getByLabel("摘要").fill("A 未保存的摘要");
  await expect(a.getByTestId("save-status")).toContainText("已自动保存", { timeout: 10_000 });
  const b = await (await browser.newContext(as("publisher"))).newPage();
  await b.goto(`/admin/releases/${id}`);
  await saveField(b, "标题", title, 2);
  return { a, b };
}

test.describe("sign-in form", () => {
  test("refuses a wrong password in Chinese and lets the right one in", async ({ page }) => {
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin|\/signin\?callbackUrl=\/admin/);
    await page.getByLabel("邮箱").fill("signin@e2e.test");
    await page.getByLabel("密码").fill("not-the-password");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.locator(".form-error")).toHaveText("邮箱或密码不正确");
    await page.getByLabel("密码").fill("e2e-signin-password");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole("heading", { name: "稿件", level: 1 })).toBeVisible();
    // Signing out ends the session.
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/signin/);
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/signin/);
  });

  test("admin pages carry a nonce-based CSP and refuse framing", async ({ request }) => {
    const response = await request.get("/signin");
    const csp = response.headers()["content-security-policy"];
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers()["x-frame-options"]).toBe("DENY");
    const home = await request.get("/");
    expect(home.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(home.headers()["x-content-type-options"]).toBe("nosniff");
    expect(home.headers()["strict-transport-security"]).toContain("max-age=");
  });
});

test.describe("the admin API checks the session and role itself", () => {
  test("without a session: 401, and nothing is created", async ({ request }) => {
    const response = await request.post("/api/admin/releases", { data: { title: "无权创建" } });
    expect(response.status()).toBe(401);
    expect((await response.json()).error.code).toBe("unauthenticated");
  });

  test.describe("as an editor", () => {
    test.use(as("editor"));
    test("publishing is 403; a cross-site POST is refused", async ({ request }) => {
      const created = await request.post("/api/admin/releases", {
        data: { title: "编辑的稿件", slug: `e2e-api-${Date.now()}` },
      });
      expect(created.status()).toBe(200);
      const { id, version } = await created.json();
      const publish = await request.post(`/api/admin/releases/${id}/transition`, {
        data: { action: "publish", baseVersion: version },
      });
      expect(publish.status()).toBe(403);
      const forged = await request.post("/api/admin/releases", {
        data: { title: "跨站" },
        headers: { origin: "https://evil.example" },
      });
      expect(forged.status()).toBe(403);
    });
  });
});

test.describe("as an admin, ids that name nothing", () => {
  test.use(as("admin"));
  test("a malformed or unknown id is 404 with the one error body, never a 500", async ({ request }) => {
    const missing = "00000000-0000-0000-0000-000000000000";
    const calls: Array<[string, string, unknown]> = [
      ["POST", "/api/admin/releases/undefined/transition", { action: "publish", baseVersion: 1 }],
      ["POST", "/api/admin/releases/undefined/autosave", { baseVersion: 1, draft: {} }],
      ["POST", "/api/admin/releases/undefined/restore", { revisionId: missing }],
      ["PUT", "/api/admin/releases/x'%20OR%201=1--", { baseVersion: 1 }],
      ["PATCH", "/api/admin/users/undefined", { role: "editor" }],
      ["DELETE", "/api/admin/preview-links/undefined", undefined],
      ["POST", "/api/admin/releases/not-a-uuid/preview-links", { hours: 24 }],
      ["POST", `/api/admin/releases/${missing}/preview-links`, { hours: 24 }],
      ["PATCH", "/api/admin/editions/1", { name: "x" }],
    ];
    for (const [method, url, data] of calls) {
      const response = await request.fetch(url, { method, data });
      expect(response.status(), `${method} ${url}`).toBe(404);
      expect((await response.json()).error.code, `${method} ${url}`).toBe("not_found");
    }
  });
});

test.describe("the body keeps what is typed before its editor has loaded", () => {
  test.use(as("editor"));
  test("typed at once after a click, after keyboard focus, and by an input method", async ({ page }) => {
    await createRelease(page, `即时输入 ${Date.now()}`);
    const editorBody = page.locator(".rte-content.ProseMirror");
    // A click and typing at once: the editor's code is still loading while these keys arrive.
    await page.locator(".rte-content").click();
    await page.keyboard.type("11月30日，合肥召开");
    await expect(editorBody).toHaveText("11月30日，合肥召开");
    // The caret stayed at the end: typing on continues the sentence.
    await page.keyboard.type("新闻发布会。");
    await expect(editorBody).toHaveText("11月30日，合肥召开新闻发布会。");
    // The preview shows the saved version, and says so while there is unsaved work.
    await expect(page.getByTestId("preview-link")).toContainText("不含未保存的修改");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.getByTestId("save-status")).toContainText("已保存（第 2 版）");
    await expect(page.getByTestId("preview-link")).toHaveText("预览");

    // Reached by the keyboard, and text committed by an input method (no key events).
    await page.reload();
    await page.locator(".rte-content").focus();
    await page.keyboard.insertText("键盘");
    await page.keyboard.type("输入。");
    await expect(editorBody).toContainText("键盘输入。");
    await expect(editorBody).toContainText("11月30日，合肥召开新闻发布会。");
  });
});

test.describe("automatic slugs", () => {
  test.use(as("editor"));
  test("two drafts with the same Chinese title both get made, the second with a free suffix", async ({
    page,
  }) => {
    const title = `同名稿件 ${Date.now()}`;
    const slugs: string[] = [];
    for (let i = 0; i < 2; i++) {
      await page.goto("/admin/releases/new");
      await page.getByLabel("标题", { exact: true }).fill(title);
      await expect(page.getByLabel("网址别名（自动生成，可修改）")).not.toHaveValue("");
      await page.getByRole("button", { name: "创建草稿" }).click();
      await expect(page).toHaveURL(/\/admin\/releases\/[0-9a-f-]{36}$/);
      slugs.push(await page.getByLabel("网址别名", { exact: true }).inputValue());
    }
    expect(slugs[1]).toBe(`${slugs[0]}-2`);
  });
  test("a slug the editor typed is refused when taken, with the form kept", async ({ page }) => {
    await page.goto("/admin/releases/new");
    await page.getByLabel("标题", { exact: true }).fill("别名冲突测试");
    await page.getByLabel("网址别名（自动生成，可修改）").fill("wmc-2023-results");
    await page.getByRole("button", { name: "创建草稿" }).click();
    await expect(page.locator(".field-error")).toContainText(/别名/);
    await expect(page.getByLabel("标题", { exact: true })).toHaveValue("别名冲突测试");
    await expect(page).toHaveURL(/\/admin\/releases\/new$/);
  });
});

test.describe("unsaved work offered back", () => {
  test.use(as("editor"));
  test("an offer not yet taken outlives editing on and reloading, and taking one offers back what it replaced", async ({
    page,
  }) => {
    test.setTimeout(60_000);
    await createRelease(page, `恢复测试 ${Date.now()}`);
    const status = page.getByTestId("save-status");
    const banner = page.getByRole("alert").filter({ hasText: "未保存的修改" });
    await page.getByLabel("摘要").fill("第一次未保存的摘要");
    await expect(status).toContainText("已自动保存", { timeout: 10_000 });
    await page.reload();
    await expect(banner).toBeVisible();
    // Editing on without deciding: its autosave replaces the copies the offer came from.
    await page.getByLabel("标题", { exact: true }).fill("继续编辑的标题");
    await expect(status).toContainText("已自动保存", { timeout: 10_000 });
    await page.reload();
    // Both wait: the first offer, and the newer work behind it.
    await expect(banner).toContainText("另有 1 份待处理");
    await banner.getByRole("button", { name: "恢复这些修改" }).click();
    await expect(page.getByLabel("摘要")).toHaveValue("第一次未保存的摘要");
    await expect(banner).toBeVisible();
    await banner.getByRole("button", { name: "恢复这些修改" }).click();
    await expect(page.getByLabel("标题", { exact: true })).toHaveValue("继续编辑的标题");
    // The form it replaced is offered back in its turn.
    await expect(banner).toContainText("恢复前的内容");
    await banner.getByRole("button", { name: "恢复这些修改" }).click();
    await expect(page.getByLabel("摘要")).toHaveValue("第一次未保存的摘要");
    await banner.getByRole("button", { name: "忽略" }).click();
    await expect(banner).toHaveCount(0);
  });
});

test.describe("unsaved work made against an older version", () => {
  test("restoring it merges against that version: a field only a later save changed keeps the later value", async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const { a, b } = await offerOnVersionOne(browser, "旧版恢复", "B 后来保存的标题");

    await a.reload();
    await expect(a.getByLabel("标题", { exact: true })).toHaveValue("B 后来保存的标题");
    await a
      .getByRole("alert")
      .filter({ hasText: "未保存的修改" })
      .getByRole("button", { name: "恢复这些修改" })
      .click();
    const merge = a.getByRole("alertdialog", { name: "合并恢复的修改" });
    await expect(merge).toContainText("第 1 版上做的");
    await expect(merge.getByTestId("changed-by-summary")).toHaveText("只有您改了");
    await expect(merge.getByTestId("changed-by-title")).toHaveText("只有对方改了");
    // Left open and reloaded: its copies still say version 1, so the same merge is offered again
    // (tagged with version 2, it came back as a plain edit that undid B's title).
    await expect(a.getByTestId("save-status")).toContainText("已自动保存", { timeout: 10_000 });
    await a.reload();
    await a
      .getByRole("alert")
      .filter({ hasText: "未保存的修改" })
      .getByRole("button", { name: "恢复这些修改" })
      .click();
    await expect(merge).toContainText("第 1 版上做的");
    await expect(merge.getByTestId("changed-by-title")).toHaveText("只有对方改了");
    // B saves again meanwhile: merging is refused (409) and measured against version 3 now, still
    // from version 1, and so it is after another reload.
    await b.reload();
    await saveField(b, "来源", "B 第三版的来源", 3);
    await merge.getByRole("button", { name: "按所选合并并保存" }).click();
    await expect(merge).toContainText("第 1 版上做的，此后已保存到第 3 版");
    await a.getByLabel("作者", { exact: true }).fill("A 的作者");
    await expect(a.getByTestId("save-status")).toContainText("已自动保存", { timeout: 10_000 });
    await a.reload();
    await a
      .getByRole("alert")
      .filter({ hasText: "未保存的修改" })
      .getByRole("button", { name: "恢复这些修改" })
      .click();
    await expect(merge).toContainText("第 1 版上做的，此后已保存到第 3 版");
    await expect(merge.getByTestId("changed-by-title")).toHaveText("只有对方改了");
    await expect(merge.getByTestId("changed-by-sourceName")).toHaveText("只有对方改了");
    // The bar's save is the merge while it is open: the restored form alone would undo B's title.
    await a.getByRole("button", { name: "保存", exact: true }).click();
    await expect(a.getByTestId("save-status")).toContainText("已保存（第 4 版）");
    await expect(merge).toHaveCount(0);
    await b.reload();
    for (const page of [a, b]) {
      await expect(page.getByLabel("标题", { exact: true })).toHaveValue("B 后来保存的标题");
      await expect(page.getByLabel("来源", { exact: true })).toHaveValue("B 第三版的来源");
      await expect(page.getByLabel("摘要")).toHaveValue("A 未保存的摘要");
      await expect(page.getByLabel("作者", { exact: true })).toHaveValue("A 的作者");
    }
    await a.context().close();
    await b.context().close();
  });
});

test.describe("unsaved work made against an older version, discarded", () => {
  test("a save conflict on screen is settled before any restore, and discarding a restored merge drops that work for good", async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const { a, b } = await offerOnVersionOne(browser, "放弃恢复", "B 的标题");

    // A reloads (version 2, the offer waits), B saves again, and A's own save then conflicts.
    await a.reload();
    const banner = a.getByRole("alert").filter({ hasText: "未保存的修改" });
    await expect(banner).toBeVisible();
    await saveField(b, "来源", "B 的来源", 3);
    await a.getByLabel("作者", { exact: true }).fill("A 的作者");
    await a.getByRole("button", { name: "保存", exact: true }).click();
    await expect(a.getByRole("alertdialog", { name: "保存冲突" })).toBeVisible();
    await expect(banner).toContainText("请先处理下方的冲突");
    await expect(banner.getByRole("button", { name: "恢复这些修改" })).toBeDisabled();
    a.once("dialog", (dialog) => dialog.accept());
    await a.getByRole("button", { name: "放弃我的修改" }).click();
    await expect(a.getByTestId("save-status")).toContainText("已载入第 3 版");

    // Now the offer: merged against version 1, then discarded, it is gone after a reload too.
    await banner.getByRole("button", { name: "恢复这些修改" }).click();
    const merge = a.getByRole("alertdialog", { name: "合并恢复的修改" });
    await expect(merge).toContainText("此后已保存到第 3 版");
    await expect(merge.getByTestId("changed-by-title")).toHaveText("只有对方改了");
    a.once("dialog", (dialog) => dialog.accept());
    await merge.getByRole("button", { name: "放弃我的修改" }).click();
    await expect(a.getByLabel("标题", { exact: true })).toHaveValue("B 的标题");
    await expect(a.getByLabel("摘要")).toHaveValue("");
    await a.waitForTimeout(2_000); // an autosave would have been sent by now
    await a.reload();
    await expect(a.getByLabel("标题", { exact: true })).toHaveValue("B 的标题");
    await expect(a.getByRole("alert").filter({ hasText: "未保存的修改" })).toHaveCount(0);
    await a.context().close();
    await b.context().close();
  });
});

test.describe("ignoring one's own work on one device", () => {
  test("leaves the server's copy of other work from another device, never shown here, in place", async ({
    browser,
  }) => {
    test.setTimeout(60_000);
    const desktopBrowser = await browser.newContext(as("editor"));
    const desktop = await desktopBrowser.newPage();
    const id = await createRelease(desktop, `两台设备 ${Date.now()}`);
    // The desktop loses its network; the laptop (same editor) types and its work reaches the server.
    await desktopBrowser.setOffline(true);
    const laptop = await (await browser.newContext(as("editor"))).newPage();
    await laptop.goto(`/admin/releases/${id}`);
    await laptop.getByLabel("摘要").fill("笔记本上的摘要");
    await expect(laptop.getByTestId("save-status")).toContainText("已自动保存", { timeout: 10_000 });
    await laptop.context().close();
    // The desktop types offline (its copy stays in its browser) and is closed; back online, its
    // editor offers that work alone (newer than the server's), and the editor ignores it.
    await desktop.getByLabel("作者", { exact: true }).fill("台式机上的作者");
    await expect(desktop.getByTestId("save-status")).toContainText("自动保存失败", { timeout: 10_000 });
    await desktop.close();
    await desktopBrowser.setOffline(false);
    const again = await desktopBrowser.newPage();
    await again.goto(`/admin/releases/${id}`);
    const banner = again.getByRole("alert").filter({ hasText: "未保存的修改" });
    await expect(banner).toContainText("本机浏览器");
    await banner.getByRole("button", { name: "忽略" }).click();
    await expect(banner).toHaveCount(0);
    await again.waitForTimeout(1_000); // a delete, if one were sent, has arrived by now
    // A third device is still offered the laptop's work.
    const third = await (await browser.newContext(as("editor"))).newPage();
    await third.goto(`/admin/releases/${id}`);
    const offer = third.getByRole("alert").filter({ hasText: "未保存的修改" });
    await expect(offer).toContainText("服务器自动保存");
    await offer.getByRole("button", { name: "恢复这些修改" }).click();
    await expect(third.getByLabel("摘要")).toHaveValue("笔记本上的摘要");
    await desktopBrowser.close();
    await third.context().close();
  });
});

test.describe("ignoring an offer while typing", () => {
  test.use(as("editor"));
  test("keeps the work being typed: its autosave still goes out and it is there after leaving", async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const id = await createRelease(page, `边打字边忽略 ${Date.now()}`);
    const status = page.getByTestId("save-status");
    await page.getByLabel("摘要").fill("先前未保存的摘要");
    await expect(status).toContainText("已自动保存", { timeout: 10_000 });
    await page.reload();
    const banner = page.getByRole("alert").filter({ hasText: "未保存的修改" });
    await expect(banner).toBeVisible();
    // Typing, then ignoring the old offer at once (before the typing's autosave is due).
    await page.getByLabel("作者", { exact: true }).fill("刚打的作者");
    await banner.getByRole("button", { name: "忽略" }).click();
    await expect(banner).toHaveCount(0);
    await expect(status).toContainText("已自动保存", { timeout: 10_000 });
    // Leaving by an in-app link (no page event) and coming back: the typing is offered.
    await page.getByRole("link", { name: "历史版本" }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/releases/${id}/history$`));
    await page.goto(`/admin/releases/${id}`);
    await page
      .getByRole("alert")
      .filter({ hasText: "未保存的修改" })
      .getByRole("button", { name: "恢复这些修改" })
      .click();
    await expect(page.getByLabel("作者", { exact: true })).toHaveValue("刚打的作者");
  });
});

test.describe("editor writes, publisher publishes, readers see it", () => {
  test("the whole way", async ({ browser }) => {
    test.setTimeout(60_000);
    const editor = await browser.newContext(as("editor"));
    const page = await editor.newPage();
    const title = `端到端测试稿件 ${Date.now()}`;
    const id = await createRelease(page, title);

    await page.getByLabel("摘要").fill("端到端测试的摘要");
    const body = page.locator(".rte-content");
    await body.click();
    // The rich-text editor loads when the body is first reached, and takes the caret.
    await expect(page.locator(".rte-content.ProseMirror")).toBeFocused();
    await page.keyboard.type("本次大会共促成合作签约项目88个。");
    await page.getByRole("button", { name: "添加数据" }).click();
    const row = page.getByTestId("figure-row").first();
    await row.getByLabel("指标名称").fill("合作签约项目");
    await row.getByLabel("标识").fill("signed_projects");
    await row.getByLabel("数值").fill("约4.8万个");
    await row.getByLabel("单位").click();
    // Typing a whole figure splits it into qualifier, number and unit.
    await expect(row.getByLabel("数值")).toHaveValue("4.8");
    await expect(row.getByLabel("单位")).toHaveValue("万个");
    await expect(row.locator(".figure-grid__preview")).toHaveText("约4.8万个");
    await row.getByRole("button", { name: "第 1 项详情" }).click();
    await page
      .getByRole("dialog", { name: /第 1 项/ })
      .getByLabel("放入成果速览")
      .check();
    await page.keyboard.press("Escape");
    // Autosave tells when it saved.
    await expect(page.getByTestId("save-status")).toContainText("已自动保存", { timeout: 10_000 });

    // A bad value is refused whole with the message next to the field.
    await row.getByLabel("数值").fill("很多");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(row.getByText("数值必须是数字，例如 1.6 或 3425")).toBeVisible();
    await row.getByLabel("数值").fill("4.8");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.getByTestId("save-status")).toContainText("已保存（第 2 版）");

    await page.getByRole("button", { name: "提交审核" }).click();
    await expect(page.getByTestId("release-status")).toHaveText("待审核");
    await expect(page.getByRole("button", { name: "立即发布" })).toHaveCount(0);
    await editor.close();

    const publisher = await browser.newContext(as("publisher"));
    const pub = await publisher.newPage();
    await pub.goto(`/admin/releases/${id}`);
    await pub.getByRole("button", { name: "立即发布" }).click();
    await expect(pub.getByTestId("release-status")).toHaveText("已发布");
    const slug = await pub.getByLabel("网址别名").inputValue();

    // Within two seconds the public page, the list and the JSON API show it.
    await expect(async () => {
      const api = await pub.request.get(`/api/releases/${slug}`);
      expect(api.status()).toBe(200);
      expect((await api.json()).figures[0]).toMatchObject({
        key: "signed_projects",
        value: 4.8,
        unit: "万个",
        qualifier: "about",
        display: "约4.8万个",
        highlighted: true,
      });
    }).toPass({ timeout: 2_000, intervals: [250] });
    await pub.goto(`/releases/${slug}`);
    await expect(pub.getByRole("heading", { level: 1 })).toHaveText(title);
    // From then on the server answers it from its response cache, which the rename below must empty.
    await expect
      .poll(async () => (await pub.request.get(`/releases/${slug}`)).headers()["x-pressroom-cache"])
      .toBe("HIT");
    await expect(pub.getByRole("region", { name: "大会成果速览" })).toContainText("约4.8万个");
    await pub.goto("/releases");
    await expect(pub.getByRole("link", { name: title })).toBeVisible();

    // A new slug: the old address answers 301 to the new one, page and data alike.
    await pub.goto(`/admin/releases/${id}`);
    await pub.getByLabel("网址别名").fill(`${slug}-renamed`);
    await pub.getByLabel("小修改（错别字等，不显示说明）").check();
    await pub.getByRole("button", { name: "保存", exact: true }).click();
    await expect(pub.getByTestId("save-status")).toContainText("已保存（第 5 版）");
    await expect(async () => {
      const old = await pub.request.get(`/releases/${slug}`, { maxRedirects: 0 });
      expect(old.status()).toBe(301);
      expect(old.headers()["location"]).toMatch(new RegExp(`/releases/${slug}-renamed$`));
    }).toPass({ timeout: 3_000, intervals: [250] });
    expect((await pub.request.get(`/api/releases/${slug}`, { maxRedirects: 0 })).status()).toBe(301);
    await pub.goto(`/releases/${slug}`);
    await expect(pub).toHaveURL(new RegExp(`/releases/${slug}-renamed$`));

    // The publisher releases the old address: it stops leading here and is free for another release.
    await pub.goto(`/admin/releases/${id}`);
    pub.once("dialog", (dialog) => dialog.accept());
    await pub.getByRole("button", { name: "释放" }).click();
    await expect(pub.getByText(`/releases/${slug}`, { exact: false })).toHaveCount(0);
    await expect(async () => {
      expect((await pub.request.get(`/releases/${slug}`, { maxRedirects: 0 })).status()).toBe(404);
    }).toPass({ timeout: 3_000, intervals: [250] });
    await publisher.close();
  });
});

test.describe("two people edit the same release", () => {
  test("the second save gets the conflict screen and keeps its text", async ({ browser }) => {
    const a = await (await browser.newContext(as("editor"))).newPage();
    const id = await createRelease(a, `冲突测试 ${Date.now()}`);
    const b = await (await browser.newContext(as("publisher"))).newPage();
    await b.goto(`/admin/releases/${id}`);

    await a.getByLabel("标题", { exact: true }).fill("A 改的标题");
    await a.getByLabel("摘要").fill("只有 A 改的摘要");
    await a.getByRole("button", { name: "保存", exact: true }).click();
    await expect(a.getByTestId("save-status")).toContainText("已保存（第 2 版）");

    await b.getByLabel("标题", { exact: true }).fill("B 改的标题");
    await b.getByRole("button", { name: "保存", exact: true }).click();
    const conflict = b.getByRole("alertdialog", { name: "保存冲突" });
    await expect(conflict).toBeVisible();
    await expect(conflict.getByTestId("mine-title")).toHaveText("B 改的标题");
    await expect(conflict).toContainText("A 改的标题");
    await expect(b.getByLabel("标题", { exact: true })).toHaveValue("B 改的标题");

    // Both changed the title: B's is kept unless B picks A's. Only A changed the summary: A's is
    // taken, so merging with the choices as they stand undoes nobody's work.
    await expect(conflict.getByTestId("changed-by-title")).toHaveText("双方都改了");
    await expect(conflict.getByTestId("changed-by-summary")).toHaveText("只有对方改了");
    await conflict.getByRole("button", { name: "按所选合并并保存" }).click();
    await expect(b.getByTestId("save-status")).toContainText("已保存（第 3 版）");
    await expect(b.getByLabel("标题", { exact: true })).toHaveValue("B 改的标题");
    await expect(b.getByLabel("摘要")).toHaveValue("只有 A 改的摘要");
    await b.goto(`/admin/releases/${id}/history`);
    await expect(b.getByRole("cell", { name: "第 3 版" })).toBeVisible();
  });
});

test.describe("scheduling", () => {
  test.use(as("publisher"));
  test("a scheduled release stays hidden, then appears on its own at its time", async ({ request }) => {
    const slug = `e2e-scheduled-${Date.now()}`;
    const created = await request.post("/api/admin/releases", {
      data: { title: `定时发布测试 ${slug}`, slug },
    });
    const { id, version } = await created.json();
    const at = new Date(Date.now() + 4000);
    const scheduled = await request.post(`/api/admin/releases/${id}/transition`, {
      data: { action: "schedule", baseVersion: version, publishAt: at.toISOString() },
    });
    expect(scheduled.status()).toBe(200);
    // Before its time it is nowhere: page, list, API, feed.
    expect((await request.get(`/releases/${slug}`)).status()).toBe(404);
    expect((await request.get(`/api/releases/${slug}`)).status()).toBe(404);
    expect(await (await request.get("/api/releases?limit=50")).text()).not.toContain(slug);
    expect(await (await request.get("/feed.xml")).text()).not.toContain(slug);
    // Then, with no restart and no manual step, it is everywhere within a couple of seconds.
    await expect(async () => {
      expect((await request.get(`/releases/${slug}`)).status()).toBe(200);
      expect((await request.get(`/api/releases/${slug}`)).status()).toBe(200);
      expect(await (await request.get("/api/releases?limit=50")).text()).toContain(slug);
      expect(await (await request.get("/feed.xml")).text()).toContain(slug);
    }).toPass({ timeout: 12_000, intervals: [500] });
    expect(Date.now()).toBeGreaterThanOrEqual(at.getTime());
  });
});

test.describe("the editorial area is accessible", () => {
  test.use(as("editor"));
  test("no serious or critical violations on the dashboard, editor and history", async ({ page }) => {
    test.setTimeout(90_000);
    const id = await createRelease(page, `无障碍检查 ${Date.now()}`);
    for (const path of [
      "/admin",
      `/admin/releases/${id}`,
      `/admin/releases/${id}/history`,
      "/admin/releases/new",
      "/admin/media",
    ]) {
      await page.goto(path);
      await expect(page.locator("h1").first()).toBeAttached();
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(
        serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
        path,
      ).toEqual([]);
    }
  });
});

test.describe("deleting a draft", () => {
  test.use(as("publisher"));
  test("a publisher deletes a never-published draft after confirming", async ({ page }) => {
    const id = await createRelease(page, `待删除 ${Date.now()}`);
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "删除稿件" }).click();
    await expect(page).toHaveURL(/\/admin$/);
    expect((await page.goto(`/admin/releases/${id}`))?.status()).toBe(404);
  });
});

test.describe("uploaded images", () => {
  test.use(as("publisher"));
  test("a lead image is stored without its GPS metadata and reaches readers only with its release", async ({
    request,
    playwright,
    baseURL,
  }) => {
    const { default: sharp } = await import("sharp");
    const photo = await sharp({ create: { width: 6, height: 4, channels: 3, background: "#225588" } })
      .jpeg()
      .withExifMerge({
        IFD0: { Make: "E2E-CAMERA" },
        IFD3: { GPSLatitudeRef: "N", GPSLatitude: "31/1 49/1 1/1" },
      })
      .toBuffer();
    const uploaded = await request.post("/api/admin/media", {
      multipart: { file: { name: "IMG_0001.jpg", mimeType: "image/jpeg", buffer: photo }, alt: "展馆外景" },
    });
    expect(uploaded.status()).toBe(200);
    const media = await uploaded.json();
    expect(media).toMatchObject({ width: 6, height: 4 });
    const created = await request.post("/api/admin/releases", {
      data: { title: "带题图的稿件", slug: `e2e-media-${Date.now()}`, leadImageId: media.id },
    });
    const { id, version } = await created.json();

    // A reader: no session cookie (the context would otherwise take the publisher's stored state).
    const reader = await playwright.request.newContext({
      baseURL,
      storageState: { cookies: [], origins: [] },
    });
    expect((await reader.get(media.url)).status()).toBe(404);
    const staffCopy = await request.get(media.url);
    expect(staffCopy.status()).toBe(200);
    expect(staffCopy.headers()["cache-control"]).toMatch(/^private/);
    const stored = await sharp(await staffCopy.body()).metadata();
    expect(stored.exif).toBeUndefined();

    expect(
      (
        await request.post(`/api/admin/releases/${id}/transition`, {
          data: { action: "publish", baseVersion: version },
        })
      ).status(),
    ).toBe(200);
    const served = await reader.get(media.url);
    expect(served.status()).toBe(200);
    expect(served.headers()["cache-control"]).not.toContain("immutable");
    const again = await reader.get(media.url, { headers: { "if-none-match": served.headers().etag } });
    expect(again.status()).toBe(304);
    await reader.dispose();
  });
});

test.describe("an editor's change to a live release waits for a publisher", () => {
  test("the public page keeps the live figure until a publisher publishes it with the correction note", async ({
    browser,
  }) => {
    test.setTimeout(60_000);
    const SEED = "wmc-2023-results";
    const editor = await (await browser.newContext(as("editor"))).newPage();
    // A search can time out on a machine this busy (the page then says so): a person searches again.
    const seedLink = editor.getByRole("table").getByRole("link", { name: /2023世界制造业大会/ });
    await expect(async () => {
      await editor.goto(`/admin?q=${SEED}`);
      await expect(seedLink).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await seedLink.click();
    await expect(editor).toHaveURL(/\/admin\/releases\/[0-9a-f-]{36}$/);
    const id = editor.url().split("/").pop()!;
    const row = editor
      .getByTestId("figure-row")
      .filter({ has: editor.locator('input[aria-label^="指标名称"][value="境外嘉宾"]') });
    await expect(row.getByLabel("数值")).toHaveValue("312");
    await row.getByLabel("数值").fill("313");
    await editor.getByLabel("类型").selectOption("correction");
    await editor.getByLabel("说明", { exact: true }).fill("境外嘉宾人数更正为313人");
    await editor.getByRole("button", { name: "保存", exact: true }).click();
    await expect(editor.getByTestId("save-status")).toContainText("已保存为待发布的修改");
    await expect(editor.getByTestId("pending-notice")).toContainText("有待发布的修改");

    // Three seconds on, readers still get the live value, from page and API alike.
    await editor.waitForTimeout(3_000);
    const figureOf = async () =>
      (
        (await (await editor.request.get(`/api/releases/${SEED}`)).json()).figures as Array<{
          key: string;
          value: number;
        }>
      ).find((f) => f.key === "overseas_guests")?.value;
    expect(await figureOf()).toBe(312);
    // The figure's cell on the data page reads <data value="312">; the pending 313 is nowhere public.
    expect(await (await editor.request.get(`/releases/${SEED}/data`)).text()).toContain('<data value="312"');
    expect(await (await editor.request.get(`/releases/${SEED}`)).text()).not.toContain('<data value="313"');

    const publisher = await (await browser.newContext(as("publisher"))).newPage();
    await publisher.goto("/admin");
    await publisher
      .getByRole("region", { name: "待审核" })
      .getByRole("link", { name: /世界制造业大会/ })
      .click();
    await expect(publisher).toHaveURL(new RegExp(`/admin/releases/${id}/review$`));
    const changes = publisher.getByTestId("figure-changes");
    await expect(changes).toContainText("312人");
    await expect(changes).toContainText("313人");
    await expect(publisher.getByLabel("更正/更新说明（公开显示）")).toHaveValue("境外嘉宾人数更正为313人");
    await publisher.getByLabel("类型").selectOption("correction");
    await publisher.getByRole("button", { name: "发布这些修改" }).click();
    await expect(publisher).toHaveURL(new RegExp(`/admin/releases/${id}$`));

    await expect(async () => {
      expect(await figureOf()).toBe(313);
      expect(await (await publisher.request.get(`/releases/${SEED}/data`)).text()).toContain(
        '<data value="313"',
      );
      const page = await (await publisher.request.get(`/releases/${SEED}`)).text();
      expect(page).toContain("境外嘉宾人数更正为313人");
    }).toPass({ timeout: 2_000, intervals: [250] });
  });
});

test.describe("old release addresses and categories", () => {
  test.use(as("publisher"));
  test("a retired release slug that is also a category's slug never redirects the category page", async ({
    request,
  }) => {
    // "anhui" is the seed category's slug; a release takes it, is published, then renamed.
    const created = await request.post("/api/admin/releases", {
      data: { title: "同名别名测试", slug: "anhui" },
    });
    expect(created.status()).toBe(200);
    const { id, version } = await created.json();
    const live = await (
      await request.post(`/api/admin/releases/${id}/transition`, {
        data: { action: "publish", baseVersion: version },
      })
    ).json();
    const form = {
      title: "同名别名测试",
      slug: `anhui-release-${Date.now()}`,
      summary: "",
      body: "<p>测试</p>",
      tags: [],
      figures: [],
    };
    expect(
      (
        await request.put(`/api/admin/releases/${id}`, {
          data: { baseVersion: live.version, release: form, changeNote: { minor: true } },
        })
      ).status(),
    ).toBe(200);
    await expect(async () => {
      const old = await request.get("/releases/anhui", { maxRedirects: 0 });
      expect(old.status()).toBe(301);
    }).toPass({ timeout: 3_000, intervals: [250] });
    const category = await request.get("/categories/anhui", { maxRedirects: 0 });
    expect(category.status()).toBe(200);
    // Leave the slug free again for anyone else.
    expect((await request.delete("/api/admin/slugs", { data: { slug: "anhui" } })).status()).toBe(200);
  });
});
