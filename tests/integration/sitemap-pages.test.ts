import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { publicReleaseWhere } from "@/lib/publication/visibility";
import { listSitemapData, listSitemapPageDates } from "@/lib/seo/sitemap-queries";
import { createCategory, createRelease } from "./factories";

const HOUR = 3_600_000;

describe("the dates of /sitemaps/pages.xml", () => {
  it("are the newest change of any public release and of each category's, never a draft's or a scheduled release's", async () => {
    const [category, empty] = [await createCategory(), await createCategory()];
    const changedAt = async (release: { id: string }, at: string) =>
      db.release.update({ where: { id: release.id }, data: { contentUpdatedAt: new Date(at) } });
    // Later than anything other tests write, so the newest of all is known whatever runs alongside.
    await changedAt(await createRelease({ categoryId: category.id }), "2090-01-01T00:00:00.000Z");
    await changedAt(
      await createRelease({ categoryId: category.id, publishAt: new Date(Date.now() - 48 * HOUR) }),
      "2091-06-01T00:00:00.000Z",
    );
    await changedAt(
      await createRelease({ categoryId: empty.id, status: "draft", publishAt: null }),
      "2099-01-01T00:00:00.000Z",
    );
    await changedAt(
      await createRelease({
        categoryId: category.id,
        status: "scheduled",
        publishAt: new Date(Date.now() + HOUR),
      }),
      "2099-01-01T00:00:00.000Z",
    );

    const dates = await listSitemapPageDates();
    expect(dates.newest).toBe("2091-06-01T00:00:00.000Z");
    expect(dates.categories.find((c) => c.slug === category.slug)?.updatedAt).toBe(
      "2091-06-01T00:00:00.000Z",
    );
    expect(dates.categories.find((c) => c.slug === empty.slug)?.updatedAt).toBeNull();
    // Every category once, in the categories' order, with the newest of its public releases.
    const categories = await db.category.findMany({
      select: { id: true, slug: true },
      orderBy: { sortOrder: "asc" },
    });
    expect(dates.categories.map((c) => c.slug)).toEqual(categories.map((c) => c.slug));
    const publicReleases = await db.release.findMany({
      where: publicReleaseWhere(),
      select: { categoryId: true, contentUpdatedAt: true },
    });
    for (const { id, slug } of [category, empty]) {
      const newest = publicReleases
        .filter((r) => r.categoryId === id)
        .reduce<string | null>((max, r) => {
          const at = r.contentUpdatedAt.toISOString();
          return max && max > at ? max : at;
        }, null);
      expect(dates.categories.find((c) => c.slug === slug)?.updatedAt).toBe(newest);
    }
  });
});

describe("the releases of /news-sitemap.xml", () => {
  it("are the public releases of the last two days only, read without loading older ones", async () => {
    const fresh = await createRelease({ publishAt: new Date(Date.now() - HOUR) });
    const old = await createRelease({ publishAt: new Date(Date.now() - 49 * HOUR) });
    const draft = await createRelease({ status: "draft", publishAt: null });
    const scheduled = await createRelease({ status: "scheduled", publishAt: new Date(Date.now() + HOUR) });
    const slugs = (await listSitemapData()).releases.map((r) => r.slug);
    expect(slugs).toContain(fresh.slug);
    for (const left of [old, draft, scheduled]) expect(slugs).not.toContain(left.slug);
    // The window moves with the clock it is given: two days on, the fresh one has left it too.
    const later = (await listSitemapData(new Date(Date.now() + 48 * HOUR))).releases.map((r) => r.slug);
    expect(later).not.toContain(fresh.slug);
    expect(later).toContain(scheduled.slug);
  });
});
