import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { autosaveRelease } from "@/lib/releases/autosave-release";
import { saveRelease } from "@/lib/releases/save-release";
import { transitionRelease } from "@/lib/releases/transition-release";
import { createDraft, createStaff, releaseInput } from "./staff";

let editor: Actor;
let publisher: Actor;

beforeAll(async () => {
  editor = await createStaff("editor");
  publisher = await createStaff("publisher");
});

/**
 * Outbox rows written by the transaction that last wrote this row (rows of one transaction share
 * PostgreSQL's xmin). The cache watcher of every server refreshes on outbox rows only (and on
 * releases falling due), so none here means no server empties a cache for this change.
 */
async function outboxRowsOfLastWrite(table: "release" | "autosave", column: "id" | "releaseId", id: string) {
  const [row] = await db.$queryRawUnsafe<Array<{ count: number }>>(
    `SELECT count(*)::int AS count FROM cache_invalidation c
     WHERE c.xmin::text IN (SELECT xmin::text FROM ${table} WHERE "${column}" = $1::uuid)`,
    id,
  );
  return row!.count;
}

describe("staff work readers cannot see leaves every cache warm", () => {
  it("creating, saving, autosaving, submitting and returning a draft write nothing to the outbox", async () => {
    const draft = await createDraft(editor);
    expect(await outboxRowsOfLastWrite("release", "id", draft.id)).toBe(0);
    const saved = await saveRelease(editor, draft.id, {
      baseVersion: draft.version,
      release: releaseInput({ slug: draft.slug, title: "草稿改过" }),
    });
    expect(await outboxRowsOfLastWrite("release", "id", draft.id)).toBe(0);
    await autosaveRelease(editor, draft.id, { baseVersion: saved.version, data: { title: "自动保存" } });
    expect(await outboxRowsOfLastWrite("autosave", "releaseId", draft.id)).toBe(0);
    const submitted = await transitionRelease(editor, draft.id, {
      action: "submit",
      baseVersion: saved.version,
    });
    expect(await outboxRowsOfLastWrite("release", "id", draft.id)).toBe(0);
    const returned = await transitionRelease(publisher, draft.id, {
      action: "return_to_draft",
      baseVersion: submitted.version,
    });
    expect(await outboxRowsOfLastWrite("release", "id", draft.id)).toBe(0);
    // The contrast: publishing is seen by readers, and its transaction writes exactly one row.
    await transitionRelease(publisher, draft.id, { action: "publish", baseVersion: returned.version });
    expect(await outboxRowsOfLastWrite("release", "id", draft.id)).toBe(1);
  });

  it("an editor's change to a live release waits for review without refreshing anything", async () => {
    const draft = await createDraft(editor);
    const live = await transitionRelease(publisher, draft.id, {
      action: "publish",
      baseVersion: draft.version,
    });
    const pending = await saveRelease(editor, draft.id, {
      baseVersion: live.version,
      release: releaseInput({ slug: draft.slug, title: "待审核的修改" }),
      changeNote: { minor: true },
    });
    expect(pending.pending).toBe(true);
    expect(await outboxRowsOfLastWrite("release", "id", draft.id)).toBe(0);
  });
});
