import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { toAppError } from "@/lib/errors";
import { loadFeedChannel } from "@/lib/feeds/feed-entries";
import { createDraftFromImport, proposeImport } from "@/lib/import/import-release";
import { publishPendingChanges } from "@/lib/publication/pending-changes";
import { loadPublicIndex, publicPathKnown } from "@/lib/releases/public-index";
import { listPublishedReleases } from "@/lib/releases/queries";
import { restoreRevision } from "@/lib/releases/restore-revision";
import { saveRelease } from "@/lib/releases/save-release";
import { transitionRelease } from "@/lib/releases/transition-release";
import { SERVER_ONLY_OUTSIDE_NEXT } from "../../scripts/node-options";
import { createDraft, createStaff, releaseInput } from "./staff";

let editor: Actor;
let publisher: Actor;
beforeAll(async () => {
  editor = await createStaff("editor");
  publisher = await createStaff("publisher");
});

// Fictional texts; the dates are in the past so they can be published by.
const TEXT =
  "示例博览会闭幕\n发布时间：2019-09-24 10:30\n来源：示例日报\n本届博览会共促成示例签约项目587个。";
const DATE_ONLY = "示例论坛闭幕\n2019年9月24日\n本届论坛共有示例嘉宾1200名。";
const STATED = new Date("2019-09-24T02:30:00.000Z");

const accept = (proposal: Awaited<ReturnType<typeof proposeImport>>) => ({
  release: proposal.release,
  editionId: null,
  figures: proposal.figures.filter((f) => f.confidence >= 0.5),
});

const errorOf = (promise: Promise<unknown>) => promise.then(() => null, toAppError);

/** Outbox rows written by the transaction that last wrote the release (they share its xmin). */
async function outboxRowsOfLastWrite(releaseId: string) {
  const [row] = await db.$queryRaw<Array<{ count: number }>>`
    SELECT count(*)::int AS count FROM cache_invalidation c
    WHERE c.xmin::text IN (SELECT xmin::text FROM release WHERE id = ${releaseId}::uuid)`;
  return row!.count;
}

/** Everything a refused publish could have changed. */
async function stateOf(releaseId: string) {
  const release = await db.release.findUniqueOrThrow({ where: { id: releaseId } });
  return {
    release: { ...release, updatedAt: undefined },
    revisions: await db.revision.count({ where: { releaseId } }),
    audit: await db.auditLog.count({ where: { targetId: releaseId } }),
  };
}

async function draftStating(statedPublishAt: string | null, over: Record<string, unknown> = {}) {
  return createDraft(editor, { statedPublishAt, ...over });
}

describe("import keeps the stated publication date", () => {
  it("stores the text's date and time (Beijing time) on the draft and its first revision", async () => {
    const proposal = await proposeImport(editor, { text: TEXT });
    expect(proposal.release).toMatchObject({
      publishedAt: "2019-09-24T10:30:00+08:00",
      publishedAtHasTime: true,
    });
    const draft = await createDraftFromImport(editor, accept(proposal));
    expect(draft.statedPublishAt).toEqual(STATED);
    expect(draft).toMatchObject({ status: "draft", publishAt: null, publishedAt: null });
    const revision = await db.revision.findFirstOrThrow({ where: { releaseId: draft.id } });
    expect(revision.snapshot).toMatchObject({ statedPublishAt: STATED.toISOString() });
  });

  it("takes a date without a time as 00:00 Beijing time", async () => {
    const proposal = await proposeImport(editor, { text: DATE_ONLY });
    expect(proposal.release.publishedAtHasTime).toBe(false);
    const draft = await createDraftFromImport(editor, accept(proposal));
    expect(draft.statedPublishAt?.toISOString()).toBe("2019-09-23T16:00:00.000Z");
  });

  it("stores what the review changed it to (Beijing time), or nothing when cleared", async () => {
    const proposal = await proposeImport(editor, { text: TEXT });
    const edited = accept(proposal);
    edited.release = { ...proposal.release, publishedAt: "2019-09-25T08:15" };
    expect((await createDraftFromImport(editor, edited)).statedPublishAt?.toISOString()).toBe(
      "2019-09-25T00:15:00.000Z",
    );
    const cleared = accept(proposal);
    cleared.release = { ...proposal.release, publishedAt: "" };
    expect((await createDraftFromImport(editor, cleared)).statedPublishAt).toBeNull();
  });

  it("release:import --save (the same engine, on the command line) stores it too", async () => {
    const file = path.join(os.tmpdir(), `stated-${crypto.randomBytes(4).toString("hex")}.txt`);
    fs.writeFileSync(file, DATE_ONLY);
    try {
      const { stdout } = await promisify(execFile)(
        path.resolve("node_modules/.bin/tsx"),
        [...SERVER_ONLY_OUTSIDE_NEXT, "scripts/release-import.ts", "--file", file, "--save", "--json"],
        { env: { ...process.env } },
      );
      const printed = JSON.parse(stdout) as { draftId: string; release: { publishedAt: string } };
      expect(printed.release.publishedAt).toBe("2019-09-24T00:00:00+08:00");
      const draft = await db.release.findUniqueOrThrow({ where: { id: printed.draftId } });
      expect(draft).toMatchObject({ status: "draft", createdById: null });
      expect(draft.statedPublishAt?.toISOString()).toBe("2019-09-23T16:00:00.000Z");
    } finally {
      fs.rmSync(file, { force: true });
    }
  }, 90_000);

  it("refuses a stated date in the future or a made-up one on its field, creating nothing", async () => {
    const proposal = await proposeImport(editor, { text: TEXT });
    const before = await db.release.count();
    for (const publishedAt of [new Date(Date.now() + 86_400_000).toISOString(), "2019-02-30T10:00", "明天"]) {
      const error = await errorOf(
        createDraftFromImport(editor, { ...accept(proposal), release: { ...proposal.release, publishedAt } }),
      );
      expect(error?.status).toBe(422);
      expect(error?.details?.fields).toEqual([{ path: "statedPublishAt", message: expect.any(String) }]);
    }
    expect(await db.release.count()).toBe(before);
  });
});

describe("publishing by the stated date", () => {
  it("backdates a first publish: publishAt and the first public moment are the stated moment, audited", async () => {
    const draft = await draftStating("2019-09-24T10:30");
    const before = Date.now();
    const published = await transitionRelease(publisher, draft.id, {
      action: "publish",
      baseVersion: draft.version,
      publishAtSource: "stated",
    });
    expect(published).toMatchObject({ status: "published", publishAt: STATED, publishedAt: STATED });
    // Updated now: what feeds' Last-Modified and sitemaps' lastmod are made of.
    expect(published.contentUpdatedAt.getTime()).toBeGreaterThanOrEqual(before);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { targetId: draft.id, action: "release.publish" },
    });
    expect(audit.details).toMatchObject({ publishAtSource: "stated", publishAt: STATED.toISOString() });
    // Readers see it: one public-change event with the publish, and the proxy's index knows it.
    expect(await outboxRowsOfLastWrite(draft.id)).toBe(1);
    await loadPublicIndex();
    expect(await publicPathKnown(`/releases/${draft.slug}`)).toBe(true);
  });

  it("puts the release in its place by the original date in the list and the feed", async () => {
    const hex = crypto.randomBytes(4).toString("hex");
    const category = await db.category.create({
      data: { slug: `stated-${hex}`, name: `原文时间${hex}`, sortOrder: 99 },
    });
    const publish = async (stated: string, source: "stated" | "now") => {
      const draft = await draftStating(stated, { categoryId: category.id });
      await transitionRelease(publisher, draft.id, {
        action: "publish",
        baseVersion: draft.version,
        publishAtSource: source,
      });
      return draft.slug;
    };
    const before = Date.now();
    const older = await publish("2018-05-01T09:00", "stated");
    const newer = await publish("2019-06-02T09:00", "stated");
    // The feed of backdated releases only still tells clients it changed (Last-Modified comes from it).
    const backdatedOnly = await loadFeedChannel(category.slug);
    expect(backdatedOnly?.updated.getTime()).toBeGreaterThanOrEqual(before);
    expect(backdatedOnly?.entries.map((e) => e.url.split("/").at(-1))).toEqual([newer, older]);
    const nowSlug = await publish("2018-05-01T09:00", "now");
    const list = await listPublishedReleases({ categorySlug: category.slug });
    expect(list.items.map((r) => r.slug)).toEqual([nowSlug, newer, older]);
    expect(list.items.map((r) => r.publishAt)).toEqual([
      expect.any(String),
      "2019-06-02T01:00:00.000Z",
      "2018-05-01T01:00:00.000Z",
    ]);
    const feed = await loadFeedChannel(category.slug);
    expect(feed?.entries.map((e) => e.published.toISOString())).toEqual([
      expect.any(String),
      "2019-06-02T01:00:00.000Z",
      "2018-05-01T01:00:00.000Z",
    ]);
  });

  it("publishes at the present moment with “now” (and by default), even when a stated date is stored", async () => {
    for (const source of ["now", undefined] as const) {
      const draft = await draftStating("2019-09-24T10:30");
      const before = Date.now();
      const published = await transitionRelease(publisher, draft.id, {
        action: "publish",
        baseVersion: draft.version,
        ...(source ? { publishAtSource: source } : {}),
      });
      expect(published.publishAt!.getTime()).toBeGreaterThanOrEqual(before);
      expect(published.publishAt!.getTime()).toBeLessThanOrEqual(Date.now());
      expect(published.statedPublishAt).toEqual(STATED);
    }
  });

  it("refuses “stated” without a stored stated date, with it in the future, or once readers saw the release", async () => {
    const none = await draftStating(null);
    const future = await draftStating("2019-09-24T10:30");
    // Only a clock that moved back (or a direct write) leaves a future stated date behind.
    await db.release.update({
      where: { id: future.id },
      data: { statedPublishAt: new Date(Date.now() + 86_400_000) },
    });
    const seen = await draftStating("2019-09-24T10:30");
    const live = await transitionRelease(publisher, seen.id, {
      action: "publish",
      baseVersion: seen.version,
    });
    const down = await transitionRelease(publisher, seen.id, {
      action: "unpublish",
      baseVersion: live.version,
    });

    const cases: Array<[{ id: string }, number, string]> = [
      [none, none.version, "这篇稿件没有原文发布时间，请先在稿件信息中填写，或选择“以当前时间发布”"],
      [future, future.version, "原文发布时间晚于现在，不能按它发布：请改正原文发布时间，或使用定时发布"],
      [seen, down.version, "这篇稿件曾经公开过，重新发布不能改回原文时间，请选择“以当前时间发布”"],
    ];
    for (const [release, baseVersion, message] of cases) {
      const before = await stateOf(release.id);
      const error = await errorOf(
        transitionRelease(publisher, release.id, {
          action: "publish",
          baseVersion,
          publishAtSource: "stated",
        }),
      );
      expect(error).toMatchObject({ status: 422, message });
      expect(error?.details?.fields).toEqual([{ path: "publishAtSource", message }]);
      expect(await stateOf(release.id)).toEqual(before);
    }
    // Republished with "now", it keeps its first public moment (today's rule).
    const republished = await transitionRelease(publisher, seen.id, {
      action: "publish",
      baseVersion: down.version,
      publishAtSource: "now",
    });
    expect(republished.publishedAt).toEqual(live.publishedAt);
  });

  it("refuses forged values and leaves the release as it was", async () => {
    const draft = await draftStating("2019-09-24T10:30");
    const before = await stateOf(draft.id);
    const forged: Array<[Record<string, unknown>, number]> = [
      [{ action: "publish", publishAtSource: "yesterday" }, 422],
      [{ action: "publish", publishAtSource: ["stated"] }, 422],
      [{ action: "publish", publishAtSource: "stated", publishAt: "2001-01-01T00:00:00Z" }, 422],
      [{ action: "publish", publishAt: "2001-01-01T00:00:00Z" }, 422],
      [
        {
          action: "schedule",
          publishAtSource: "stated",
          publishAt: new Date(Date.now() + 3_600_000).toISOString(),
        },
        422,
      ],
      [{ action: "submit", publishAtSource: "stated" }, 422],
      [{ action: "publish", publishAtSource: "stated", baseVersion: draft.version + 7 }, 409],
    ];
    for (const [body, status] of forged) {
      const error = await errorOf(
        transitionRelease(publisher, draft.id, { baseVersion: draft.version, ...body }),
      );
      expect(error?.status, JSON.stringify(body)).toBe(status);
      expect(await stateOf(draft.id)).toEqual(before);
    }
  });

  it("refuses an editor (no publish right) and a signed-out caller, changing nothing", async () => {
    const draft = await draftStating("2019-09-24T10:30");
    const before = await stateOf(draft.id);
    const body = { action: "publish", baseVersion: draft.version, publishAtSource: "stated" };
    expect((await errorOf(transitionRelease(editor, draft.id, body)))?.status).toBe(403);
    expect((await errorOf(transitionRelease(null, draft.id, body)))?.status).toBe(401);
    expect(await stateOf(draft.id)).toEqual(before);
  });

  it("lets one of two concurrent publishes win; the other gets a version conflict", async () => {
    const draft = await draftStating("2019-09-24T10:30");
    const results = await Promise.allSettled(
      (["stated", "now"] as const).map((publishAtSource) =>
        transitionRelease(publisher, draft.id, {
          action: "publish",
          baseVersion: draft.version,
          publishAtSource,
        }),
      ),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(toAppError((lost[0] as PromiseRejectedResult).reason).status).toBe(409);
    const stored = await db.release.findUniqueOrThrow({ where: { id: draft.id } });
    expect(stored.version).toBe(draft.version + 1);
    expect(stored.publishAt).toEqual((won[0] as PromiseFulfilledResult<typeof stored>).value.publishAt);
    expect(await db.auditLog.count({ where: { targetId: draft.id, action: "release.publish" } })).toBe(1);
  });
});

describe("原文发布时间 in the editor", () => {
  it("is saved like the other fields, refused in the future on its field, and restored with a revision", async () => {
    const draft = await draftStating(null);
    const saved = await saveRelease(editor, draft.id, {
      baseVersion: draft.version,
      release: releaseInput({ slug: draft.slug, statedPublishAt: "2019-09-24T10:30" }),
    });
    expect((await db.release.findUniqueOrThrow({ where: { id: draft.id } })).statedPublishAt).toEqual(STATED);

    const future = await errorOf(
      saveRelease(editor, draft.id, {
        baseVersion: saved.version,
        release: releaseInput({
          slug: draft.slug,
          statedPublishAt: new Date(Date.now() + 86_400_000).toISOString(),
        }),
      }),
    );
    expect(future).toMatchObject({ status: 422 });
    expect(future?.details?.fields).toEqual([
      { path: "release.statedPublishAt", message: "原文发布时间不能晚于现在：将来的时间请用“定时发布”" },
    ]);

    const cleared = await saveRelease(editor, draft.id, {
      baseVersion: saved.version,
      release: releaseInput({ slug: draft.slug, statedPublishAt: "" }),
    });
    expect((await db.release.findUniqueOrThrow({ where: { id: draft.id } })).statedPublishAt).toBeNull();

    const withDate = await db.revision.findFirstOrThrow({
      where: { releaseId: draft.id, version: saved.version },
    });
    await restoreRevision(editor, draft.id, { baseVersion: cleared.version, revisionId: withDate.id });
    expect((await db.release.findUniqueOrThrow({ where: { id: draft.id } })).statedPublishAt).toEqual(STATED);
  });

  it("on a live release waits with the pending changes, and publishing them never moves publishAt", async () => {
    const draft = await draftStating(null);
    const live = await transitionRelease(publisher, draft.id, {
      action: "publish",
      baseVersion: draft.version,
      publishAtSource: "now",
    });
    const proposed = await saveRelease(editor, draft.id, {
      baseVersion: live.version,
      release: releaseInput({ slug: draft.slug, title: draft.title, statedPublishAt: "2019-09-24T10:30" }),
    });
    expect(proposed.pending).toBe(true);
    expect((await db.release.findUniqueOrThrow({ where: { id: draft.id } })).statedPublishAt).toBeNull();
    await publishPendingChanges(publisher, draft.id, {
      baseVersion: proposed.version,
      changeNote: { minor: true },
    });
    const after = await db.release.findUniqueOrThrow({ where: { id: draft.id } });
    expect(after.statedPublishAt).toEqual(STATED);
    expect(after.publishAt).toEqual(live.publishAt);
    expect(after.publishedAt).toEqual(live.publishedAt);
  });
});
