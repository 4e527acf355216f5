import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findPublishedRelease, listPublishedReleases, listReleasesAfter } from "@/lib/releases/queries";
import { recordView } from "@/lib/releases/record-view";
import { createCategory, createRelease } from "./factories";

const HOUR = 3_600_000;

describe("public queries only ever return what is public", () => {
  it("hides drafts, reviews, archived and not-yet-due releases everywhere", async () => {
    const category = await createCategory();
    const visible = await createRelease({ categoryId: category.id });
    const dueScheduled = await createRelease({
      status: "scheduled",
      publishAt: new Date(Date.now() - 1000),
      categoryId: category.id,
    });
    const hidden = await Promise.all([
      createRelease({ status: "draft", categoryId: category.id }),
      createRelease({ status: "in_review", categoryId: category.id }),
      createRelease({ status: "archived", categoryId: category.id }),
      createRelease({ status: "scheduled", publishAt: new Date(Date.now() + HOUR), categoryId: category.id }),
      createRelease({ status: "published", publishAt: new Date(Date.now() + HOUR), categoryId: category.id }),
      createRelease({ status: "published", publishAt: null, categoryId: category.id }),
    ]);

    const list = await listPublishedReleases({ categorySlug: category.slug, pageSize: 50 });
    expect(list.items.map((r) => r.slug).sort()).toEqual([visible.slug, dueScheduled.slug].sort());
    expect(list.total).toBe(2);

    const api = await listReleasesAfter({ limit: 50, categorySlug: category.slug });
    expect(api.items.map((r) => r.slug).sort()).toEqual([visible.slug, dueScheduled.slug].sort());

    for (const r of hidden) {
      expect(await findPublishedRelease(r.slug), `${r.status} ${r.slug}`).toBeNull();
      expect(await recordView(r.slug, "203.0.113.1")).toBeNull();
    }
    expect(await findPublishedRelease(visible.slug)).toMatchObject({ release: { slug: visible.slug } });
  });

  it("pages through with a stable cursor, newest first", async () => {
    const category = await createCategory();
    const base = Date.now() - 10 * HOUR;
    const created = [];
    for (let i = 0; i < 5; i++)
      created.push(await createRelease({ categoryId: category.id, publishAt: new Date(base + i * HOUR) }));
    const newestFirst = created.map((r) => r.slug).reverse();

    const first = await listReleasesAfter({ limit: 2, categorySlug: category.slug });
    expect(first.items.map((r) => r.slug)).toEqual(newestFirst.slice(0, 2));
    expect(first.nextCursor).toBeTruthy();
    const second = await listReleasesAfter({
      limit: 2,
      cursor: first.nextCursor!,
      categorySlug: category.slug,
    });
    expect(second.items.map((r) => r.slug)).toEqual(newestFirst.slice(2, 4));
    const third = await listReleasesAfter({
      limit: 2,
      cursor: second.nextCursor!,
      categorySlug: category.slug,
    });
    expect(third.items.map((r) => r.slug)).toEqual(newestFirst.slice(4));
    expect(third.nextCursor).toBeNull();

    await expect(listReleasesAfter({ limit: 2, cursor: "not-a-cursor" })).rejects.toBeInstanceOf(AppError);
    // Well-formed but naming no public release: refused too (a made-up cursor is never a query, never a cache key).
    const draft = await createRelease({ status: "draft", categoryId: category.id });
    for (const id of [crypto.randomUUID(), draft.id]) {
      const madeUp = Buffer.from(`${new Date().toISOString()}|${id}`).toString("base64url");
      await expect(listReleasesAfter({ limit: 2, cursor: madeUp })).rejects.toMatchObject({
        status: 400,
        message: "cursor 参数无效",
      });
    }
    // A public release with another moment, or the server's cursor spelled otherwise (padding, a
    // stray character base64url decoding skips): each would be one more page to answer and cache.
    const [, id] = Buffer.from(first.nextCursor!, "base64url").toString("utf8").split("|");
    for (const forged of [
      Buffer.from(`2029-05-05T01:02:03.004Z|${id}`).toString("base64url"),
      Buffer.from(`1999-01-01T00:00:00.000Z|${id}`).toString("base64url"),
      `${first.nextCursor}=`,
      `${first.nextCursor}.`,
    ])
      await expect(listReleasesAfter({ limit: 2, cursor: forged }), forged).rejects.toMatchObject({
        status: 400,
        message: "cursor 参数无效",
      });
  });

  it("follows an old slug of a public release", async () => {
    const release = await createRelease();
    await db.slugRedirect.create({ data: { slug: `${release.slug}-old`, releaseId: release.id } });
    expect(await findPublishedRelease(`${release.slug}-old`)).toEqual({ redirectTo: release.slug });
    const draft = await createRelease({ status: "draft" });
    await db.slugRedirect.create({ data: { slug: `${draft.slug}-old`, releaseId: draft.id } });
    expect(await findPublishedRelease(`${draft.slug}-old`)).toBeNull();
  });
});
