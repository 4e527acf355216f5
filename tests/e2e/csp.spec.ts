import { expect, test, type Page } from "@playwright/test";

const SLUG = "wmc-2023-results";
const PAGES = ["/", "/releases", `/releases/${SLUG}`, `/releases/${SLUG}/data`];

/** Records every CSP violation and console error the page reports, from before its first byte. */
async function watchViolations(page: Page) {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
    });
  });
  return errors;
}

const scriptSrc = (csp: string | undefined) =>
  csp
    ?.split(";")
    .map((d) => d.trim())
    .find((d) => d.startsWith("script-src")) ?? "";

test.describe("public pages run under a hash-based CSP", () => {
  for (const path of PAGES) {
    test(`${path}: no 'unsafe-inline', no violation, hydrated (first answer and cached one)`, async ({
      page,
    }) => {
      const errors = await watchViolations(page);
      for (let round = 0; round < 2; round++) {
        const response = await page.goto(path);
        expect(response?.status()).toBe(200);
        const policy = scriptSrc(response?.headers()["content-security-policy"]);
        expect(policy).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/]+=*')+$/);
        expect(policy).not.toMatch(/unsafe/);
        // Hydrated: React attached itself to the page's elements (it only does so by running Next's scripts).
        await expect
          .poll(
            () =>
              page.evaluate(() =>
                Array.from(document.querySelectorAll("body *")).some((el) =>
                  Object.keys(el).some((key) => key.startsWith("__react")),
                ),
              ),
            { timeout: 10_000 },
          )
          .toBe(true);
      }
      expect(errors).toEqual([]);
    });
  }

  test("the release page still works: font switch, copy link, view beacon", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const errors = await watchViolations(page);
    const beacon = page.waitForRequest(
      (request) => request.method() === "POST" && request.url().endsWith(`/api/releases/${SLUG}/views`),
    );
    await page.goto(`/releases/${SLUG}`);
    await beacon;
    const paragraph = page.locator(".release-body p").first();
    const size = () => paragraph.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const medium = await size();
    await page.getByRole("button", { name: "大", exact: true }).click();
    await expect(page.getByRole("button", { name: "大", exact: true })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    expect(await size()).toBeGreaterThan(medium);
    await page.getByRole("button", { name: "复制链接" }).click();
    await expect(page.getByRole("button", { name: "链接已复制" })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`/releases/${SLUG}`);
    expect(errors).toEqual([]);
  });

  test("an inline script injected into a public page is refused", async ({ page }) => {
    const errors = await watchViolations(page);
    await page.goto(`/releases/${SLUG}`);
    await page.waitForLoadState("networkidle");
    await page.addScriptTag({ content: "window.__injected = true;" }).catch(() => undefined);
    await page.evaluate(() => {
      const div = document.createElement("div");
      div.innerHTML = '<img src="/nope.png" onerror="window.__injected = true">';
      // Listeners run in the order they were added: the injected attribute's first, had it been allowed.
      div.querySelector("img")?.addEventListener("error", () => {
        (window as unknown as { __imageFailed?: boolean }).__imageFailed = true;
      });
      document.body.append(div);
      const link = document.createElement("a");
      link.href = "javascript:window.__injected=true";
      document.body.append(link);
      link.click();
    });
    // Wait for the events that would have run the injected code (the image's error) and for the
    // browser's reports of each refusal, not for a set time.
    await page.waitForFunction(() => (window as unknown as { __imageFailed?: boolean }).__imageFailed);
    await expect
      .poll(() => errors.filter((e) => e.startsWith("CSP violation: script-src")).length)
      .toBeGreaterThanOrEqual(2);
    expect(
      await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected),
    ).toBeUndefined();
  });
});
