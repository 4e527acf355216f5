import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { listRevisions } from "@/lib/releases/admin-queries";
import { deleteRelease } from "@/lib/releases/delete-release";
import { findPublishedRelease, listPublishedReleases } from "@/lib/releases/queries";
import { saveRelease } from "@/lib/releases/save-release";
import { transitionRelease } from "@/lib/releases/transition-release";
import { createDraft, createStaff, releaseInput } from "./staff";

let editor: Actor;
let publisher: Actor;

beforeAll(async () => {
  editor = await createStaff("editor");
  publisher = await createStaff("publisher");
});

const current = (id: string) => db.release.findUniqueOrThrow({ where: { id } });

async function published() {
  const draft = await createDraft(editor);
  return transitionRelease(publisher, draft.id, { action: "publish", baseVersion: draft.version });
}

async function isListed(slug: string) {
  const { items } = await listPublishedReleases({ pageSize: 100 });
  return items.some((item) => item.slug === slug);
}

/**
 * The outbox rows written by the transaction that wrote this revision: rows of one transaction share
 * its id (PostgreSQL's xmin), so rows of tests running alongside cannot be mistaken for them.
 */
async function outboxTagsOf(releaseId: string, action: string): Promise<string[][]> {
  const rows = await db.$queryRaw<Array<{ tags: string[] }>>`
    SELECT c.tags FROM cache_invalidation c
    JOIN revision r ON c.xmin::text = r.xmin::text
    WHERE r."releaseId" = ${releaseId}::uuid AND r.action = ${action}`;
  return rows.map((row) => row.tags);
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Everything a refused change must leave as it was. */
async function footprint(id: string) {
  const [release, revisions, audit] = await Promise.all([
    db.release.findUnique({ where: { id } }),
    db.revision.count({ where: { releaseId: id } }),
    db.auditLog.count({ where: { targetId: id } }),
  ]);
  return { status: release?.status, version: release?.version, revisions, audit };
}

describe("unpublishing", () => {
  it("takes a published release off every public list at once and returns it to the drafts", async () => {
    const live = await published();
    expect(await isListed(live.slug)).toBe(true);
    const down = await transitionRelease(publisher, live.id, {
      action: "unpublish",
      baseVersion: live.version,
      note: "数据需复核",
    });
    expect(down).toMatchObject({ status: "draft", version: live.version + 1, publishAt: null });
    expect(await findPublishedRelease(live.slug)).toBeNull();
    expect(await isListed(live.slug)).toBe(false);
    const [latest] = await listRevisions(publisher, live.id);
    expect(latest).toMatchObject({ action: "unpublish", version: down.version, note: "数据需复核" });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { targetId: live.id, action: "release.unpublish" },
    });
    expect(audit).toMatchObject({ actorEmail: publisher.email, details: { from: "published", to: "draft" } });
    // Readers saw it: every server is told to refresh, in the same transaction.
    expect(await outboxTagsOf(live.id, "unpublish")).toEqual([["public", "releases"]]);
  });

  it("takes down a scheduled release before its time, and it never appears", async () => {
    const draft = await createDraft(editor);
    const scheduled = await transitionRelease(publisher, draft.id, {
      action: "schedule",
      baseVersion: draft.version,
      publishAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    const down = await transitionRelease(publisher, draft.id, {
      action: "unpublish",
      baseVersion: scheduled.version,
    });
    expect(down).toMatchObject({ status: "draft", publishAt: null });
    expect(await findPublishedRelease(draft.slug)).toBeNull();
  });

  it("keeps what was published: the release can be published again, under its address", async () => {
    const live = await published();
    const down = await transitionRelease(publisher, live.id, {
      action: "unpublish",
      baseVersion: live.version,
    });
    const again = await transitionRelease(publisher, live.id, {
      action: "publish",
      baseVersion: down.version,
    });
    expect(again.status).toBe("published");
    // First published when it first went out: the date readers saw does not move.
    expect(again.publishedAt).toEqual(live.publishedAt);
    expect(await findPublishedRelease(live.slug)).toMatchObject({ release: { slug: live.slug } });
  });

  it("is refused for an editor and for a release that is not live", async () => {
    const live = await published();
    const before = await footprint(live.id);
    expect(
      (await refusal(transitionRelease(editor, live.id, { action: "unpublish", baseVersion: live.version })))
        .status,
    ).toBe(403);
    const draft = await createDraft(editor);
    const refused = await refusal(
      transitionRelease(publisher, draft.id, { action: "unpublish", baseVersion: draft.version }),
    );
    expect(refused.status).toBe(409);
    expect(refused.message).toBe("“草稿”状态的稿件不能撤回发布");
    expect(await footprint(live.id)).toEqual(before);
  });
});

describe("archiving", () => {
  it("takes a published release off the site, keeps it, and never lets it be deleted", async () => {
    const live = await published();
    const archived = await transitionRelease(publisher, live.id, {
      action: "archive",
      baseVersion: live.version,
    });
    expect(archived.status).toBe("archived");
    expect(await findPublishedRelease(live.slug)).toBeNull();
    expect(await isListed(live.slug)).toBe(false);
    expect(await outboxTagsOf(live.id, "archive")).toEqual([["public", "releases"]]);
    // Readers saw it once: archived is where it stays.
    const refused = await refusal(deleteRelease(publisher, live.id, { baseVersion: archived.version }));
    expect(refused.status).toBe(409);
    expect(refused.message).toBe("发布过的稿件不能删除，请改为归档");
    for (const action of ["publish", "schedule", "unpublish", "submit", "archive"] as const) {
      const error = await refusal(
        transitionRelease(publisher, live.id, {
          action,
          baseVersion: archived.version,
          publishAt: new Date(Date.now() + 3600_000).toISOString(),
        }),
      );
      expect(error.status, action).toBe(409);
    }
    expect(await current(live.id)).toMatchObject({ status: "archived", version: archived.version });
  });

  it("lets a release that readers never saw be archived and then deleted", async () => {
    const draft = await createDraft(editor);
    const archived = await transitionRelease(publisher, draft.id, {
      action: "archive",
      baseVersion: draft.version,
    });
    expect(await outboxTagsOf(draft.id, "archive")).toEqual([]);
    await deleteRelease(publisher, draft.id, { baseVersion: archived.version });
    expect(await db.release.findUnique({ where: { id: draft.id } })).toBeNull();
  });
});

describe("a stale version", () => {
  it("is refused on a transition, and nothing of the transition is written", async () => {
    const draft = await createDraft(editor);
    const saved = await saveRelease(editor, draft.id, {
      baseVersion: draft.version,
      release: releaseInput({ slug: draft.slug, title: "改过的标题" }),
    });
    const before = await footprint(draft.id);
    for (const raw of [
      { action: "submit", baseVersion: draft.version },
      { action: "publish", baseVersion: draft.version },
      { action: "archive", baseVersion: saved.version + 1 },
    ]) {
      const actor = raw.action === "submit" ? editor : publisher;
      const error = await refusal(transitionRelease(actor, draft.id, raw));
      expect(error.status, raw.action).toBe(409);
      expect(error.message).toBe("稿件已被他人修改，请刷新后再操作");
    }
    expect(await footprint(draft.id)).toEqual(before);
    expect(await findPublishedRelease(draft.slug)).toBeNull();
  });

  it("is refused on a delete, and the release stays", async () => {
    const draft = await createDraft(editor);
    const saved = await saveRelease(editor, draft.id, {
      baseVersion: draft.version,
      release: releaseInput({ slug: draft.slug, title: "删除前又改过" }),
    });
    const before = await footprint(draft.id);
    const error = await refusal(deleteRelease(publisher, draft.id, { baseVersion: draft.version }));
    expect(error.status).toBe(409);
    expect(await footprint(draft.id)).toEqual(before);
    expect((await current(draft.id)).title).toBe("删除前又改过");
    await deleteRelease(publisher, draft.id, { baseVersion: saved.version });
    expect(await db.release.findUnique({ where: { id: draft.id } })).toBeNull();
  });

  it("lets exactly one of ten concurrent transitions from the same version through", async () => {
    const live = await published();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        transitionRelease(publisher, live.id, {
          action: i % 2 ? "archive" : "unpublish",
          baseVersion: live.version,
        }),
      ),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter(
      (r): r is PromiseRejectedResult => r.status === "rejected" && r.reason instanceof AppError,
    );
    expect(won).toHaveLength(1);
    expect(lost.map((r) => (r.reason as AppError).status)).toEqual(Array(9).fill(409));
    const after = await current(live.id);
    expect(after.version).toBe(live.version + 1);
    expect(await db.revision.count({ where: { releaseId: live.id, version: after.version } })).toBe(1);
  });

  it("lets a delete and a submit of the same version race: one wins, the other gets 409 or 404", async () => {
    const draft = await createDraft(editor);
    const [deleted, submitted] = await Promise.allSettled([
      deleteRelease(publisher, draft.id, { baseVersion: draft.version }),
      transitionRelease(editor, draft.id, { action: "submit", baseVersion: draft.version }),
    ]);
    const outcomes = [deleted.status, submitted.status].sort();
    expect(outcomes).toEqual(["fulfilled", "rejected"]);
    const loser = [deleted, submitted].find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect(loser.reason).toBeInstanceOf(AppError);
    expect([404, 409]).toContain((loser.reason as AppError).status);
    const row = await db.release.findUnique({ where: { id: draft.id } });
    if (deleted.status === "fulfilled") expect(row).toBeNull();
    else expect(row).toMatchObject({ status: "in_review", version: draft.version + 1 });
  });

  it("is a 404, not a crash, for a release that does not exist", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    expect(
      (await refusal(transitionRelease(publisher, missing, { action: "publish", baseVersion: 1 }))).status,
    ).toBe(404);
    expect((await refusal(deleteRelease(publisher, missing, { baseVersion: 1 }))).status).toBe(404);
  });
});
