import Parser from "rss-parser";
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadFeedChannel } from "@/lib/feeds/feed-entries";
import { toAtom, toJsonFeed, toRss } from "@/lib/feeds/serialize";
import { createCategory, createRelease } from "./factories";

const parser = new Parser();
const HOUR = 3_600_000;

async function allFormats(categorySlug: string) {
  const channel = await loadFeedChannel(categorySlug);
  if (!channel) throw new Error("category feed missing");
  return {
    channel,
    rss: toRss(channel, "test"),
    atom: toAtom(channel, "test"),
    json: JSON.parse(toJsonFeed(channel)),
  };
}

describe("feeds", () => {
  it("list exactly the published releases of the category, newest first, in all three formats", async () => {
    const category = await createCategory();
    const older = await createRelease({
      categoryId: category.id,
      publishAt: new Date(Date.now() - 2 * HOUR),
    });
    const newer = await createRelease({ categoryId: category.id, publishAt: new Date(Date.now() - HOUR) });
    await createRelease({ categoryId: category.id, status: "draft" });
    await createRelease({
      categoryId: category.id,
      status: "scheduled",
      publishAt: new Date(Date.now() + HOUR),
    });
    await createRelease({ categoryId: category.id, status: "archived" });

    const { rss, atom, json } = await allFormats(category.slug);
    expect(XMLValidator.validate(rss)).toBe(true);
    expect(XMLValidator.validate(atom)).toBe(true);
    const parsedRss = await parser.parseString(rss);
    const parsedAtom = await parser.parseString(atom);
    const expected = [newer.title, older.title];
    expect(parsedRss.items.map((i) => i.title)).toEqual(expected);
    expect(parsedAtom.items.map((i) => i.title)).toEqual(expected);
    expect(json.items.map((i: { title: string }) => i.title)).toEqual(expected);
    expect(json.version).toBe("https://jsonfeed.org/version/1.1");
    expect(parsedRss.items[0].guid).toBe(`urn:uuid:${newer.id}`);
    expect(parsedRss.items[0].link).toMatch(new RegExp(`^http.*/releases/${newer.slug}$`));
    expect(rss).toContain(
      `<atom:link href="http://localhost:3000/categories/${category.slug}/feed.xml" rel="self" type="application/rss+xml"/>`,
    );
    expect(parsedRss.items[0].pubDate).toMatch(/\+0800$/);
    expect(json.items[0].date_published).toMatch(/\+08:00$/);
    // Key figures come first in the content, as a readable block.
    expect(parsedRss.items[0]["content:encoded"]).toContain(
      "<h3>大会成果速览</h3><ul><li><strong>12个</strong> 签约项目</li></ul>",
    );
  });

  it("keep an item's id when the release is edited or its slug changes", async () => {
    const category = await createCategory();
    const release = await createRelease({ categoryId: category.id });
    const before = await allFormats(category.slug);
    await db.release.update({
      where: { id: release.id },
      data: {
        title: "改过的标题",
        slug: `${release.slug}-new`,
        contentUpdatedAt: new Date(Date.now() + HOUR),
      },
    });
    const after = await allFormats(category.slug);
    expect(after.channel.entries).toHaveLength(1);
    expect(after.channel.entries[0].id).toBe(before.channel.entries[0].id);
    expect(after.json.items[0].id).toBe(before.json.items[0].id);
    expect(after.json.items[0].url).toMatch(/-new$/);
    expect(after.json.items[0].date_modified).not.toBe(before.json.items[0].date_modified);
    expect((await parser.parseString(after.atom)).items[0].id).toBe(`urn:uuid:${release.id}`);
  });

  it("survive XML special characters, Chinese, emoji, ]]> and control characters", async () => {
    const category = await createCategory();
    const title = `<b>"引号" & 'apos'</b> 🚀 ]]> 结束\u0007`;
    const release = await createRelease({ categoryId: category.id, title });
    await db.release.update({
      where: { id: release.id },
      data: {
        summary: "a ]]> b <c> & d 😀",
        body: '<p>正文 ]]&gt; 与 <a href="/releases/x">相对链接</a> 🎉</p>',
      },
    });
    const { rss, atom, json } = await allFormats(category.slug);
    for (const xml of [rss, atom]) {
      expect(XMLValidator.validate(xml)).toBe(true);
      const item = (await parser.parseString(xml)).items[0];
      expect(item.title).toBe(`<b>"引号" & 'apos'</b> 🚀 ]]> 结束`);
    }
    const item = (await parser.parseString(rss)).items[0];
    expect(item["content:encoded"]).toContain(
      '正文 ]]&gt; 与 <a href="http://localhost:3000/releases/x">相对链接</a> 🎉',
    );
    expect(json.items[0].summary).toBe("a ]]> b <c> & d 😀");
  });

  it("answer null for an unknown category", async () => {
    expect(await loadFeedChannel("no-such-category")).toBeNull();
  });
});
