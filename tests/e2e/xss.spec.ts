import { expect, test, type Page } from "@playwright/test";
import Parser from "rss-parser";
import { XSS_PAYLOADS } from "../security/xss-corpus";

// Every payload of the corpus goes into every field an editor fills (body as the rich-text editor
// sends it, title, summary, figure labels, record claims, source sentences, photo captions and alt
// texts), is published, and then every page that shows it is opened with a hook that fails the test
// if any script of a payload runs or any on* attribute or javascript: URL reaches the DOM.

test.use({ storageState: "tests/e2e/.auth/publisher.json" });
test.describe.configure({ mode: "serial" });

const RELEASES = 4;
const attr = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** Installed before any page script: traps, and a watcher of every element that reaches the DOM. */
async function armTraps(page: Page) {
  await page.addInitScript(() => {
    const hits: string[] = [];
    Object.assign(window, { __xssHits: hits, __xss: (n: unknown) => hits.push(`ran payload ${String(n)}`) });
    for (const name of ["alert", "prompt", "confirm", "print"] as const) {
      Object.defineProperty(window, name, {
        value: (...args: unknown[]) => hits.push(`${name}(${args.join(",")})`),
      });
    }
    const URL_ATTRIBUTES = [
      "href",
      "src",
      "action",
      "formaction",
      "xlink:href",
      "data",
      "srcdoc",
      "background",
      "srcset",
    ];
    const inspect = (element: Element) => {
      for (const { name, value } of Array.from(element.attributes)) {
        if (/^on/i.test(name)) hits.push(`<${element.localName} ${name}="${value}">`);
        // As the URL parser reads it: tabs and newlines removed anywhere, C0 controls and spaces at the start
        // (a zero-width space, say, is not stripped: "javascript\u200b:" is a harmless relative path).
        const url = value.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+/, "");
        if (
          URL_ATTRIBUTES.includes(name.toLowerCase()) &&
          /^(javascript:|vbscript:|data:text\/html)/i.test(url)
        ) {
          hits.push(`<${element.localName} ${name}="${value}">`);
        }
      }
    };
    const inspectTree = (node: Node) => {
      if (node instanceof Element) {
        inspect(node);
        node.querySelectorAll("*").forEach(inspect);
      }
    };
    new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === "attributes" && record.target instanceof Element) inspect(record.target);
        record.addedNodes.forEach(inspectTree);
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
}

const hitsOf = (page: Page) => page.evaluate(() => (window as unknown as { __xssHits: string[] }).__xssHits);

test("the XSS corpus published in every field never runs and never reaches the DOM as markup", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(100);
  const stamp = Date.now();
  const published: Array<{ id: string; slug: string }> = [];

  for (let r = 0; r < RELEASES; r++) {
    const payloads = XSS_PAYLOADS.filter((_, i) => i % RELEASES === r);
    const slug = `e2e-xss-${stamp}-${r}`;
    const created = await request.post("/api/admin/releases", { data: { title: `XSS 语料 ${r}`, slug } });
    expect(created.status()).toBe(200);
    const { id, version } = await created.json();
    const body = payloads
      .map(
        (p) =>
          `<p>${p}</p><figure class="photo"><img src="https://example.org/a.png" alt="${attr(p)}"><figcaption>${p}</figcaption></figure><p>说明：${attr(p)}</p>`,
      )
      .join("");
    const release = {
      title: `XSS 语料 ${r} ${payloads[0]}`.slice(0, 200),
      slug,
      summary: payloads.join(" ").slice(0, 500),
      body,
      tags: payloads.slice(0, 5).map((p) => p.slice(0, 30)),
      sourceName: payloads[1]?.slice(0, 100),
      byline: payloads[2]?.slice(0, 100),
      figures: payloads.map((p, i) => ({
        key: `xss_${i}`,
        label: p.slice(0, 100),
        value: String(i + 1),
        unit: "个",
        highlighted: i < 6,
        isRecord: i % 3 === 0,
        recordNote: i % 3 === 0 ? p.slice(0, 100) : null,
        sourceText: p.slice(0, 500),
        section: p.slice(0, 60),
      })),
    };
    const saved = await request.put(`/api/admin/releases/${id}`, { data: { baseVersion: version, release } });
    expect(saved.status(), await saved.text()).toBe(200);
    const publish = await request.post(`/api/admin/releases/${id}/transition`, {
      data: { action: "publish", baseVersion: (await saved.json()).version },
    });
    expect(publish.status(), await publish.text()).toBe(200);
    published.push({ id, slug });
  }

  await armTraps(page);
  for (const { id, slug } of published) {
    for (const path of [
      `/releases/${slug}`,
      `/releases/${slug}/data`,
      `/admin/releases/${id}`,
      `/admin/releases/${id}/preview`,
    ]) {
      await expect(async () => expect((await page.goto(path))?.status()).toBe(200)).toPass({
        timeout: 10_000,
      });
      await page.waitForLoadState("load");
      await page.waitForTimeout(300);
      // Hover and focus everything a payload might wait for.
      await page.mouse.move(200, 300);
      await page.keyboard.press("Tab");
      expect(await hitsOf(page), path).toEqual([]);
    }
  }
  // The home page and the list show titles and summaries.
  for (const path of ["/", "/releases"]) {
    await page.goto(path);
    await page.waitForLoadState("load");
    await page.waitForTimeout(300);
    expect(await hitsOf(page), path).toEqual([]);
  }

  // Feeds stay well-formed with every payload in them.
  const parser = new Parser();
  for (const path of ["/feed.xml", "/atom.xml"]) {
    const feed = await parser.parseString(await (await request.get(path)).text());
    expect(
      feed.items.some((item) => item.link?.includes(`e2e-xss-${stamp}`)),
      path,
    ).toBe(true);
  }
  const json = await (await request.get("/feed.json")).json();
  expect(json.items.some((item: { url?: string }) => item.url?.includes(`e2e-xss-${stamp}`))).toBe(true);
});
