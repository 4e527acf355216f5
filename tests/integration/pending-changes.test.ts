import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { toAppError } from "@/lib/errors";
import { getReleaseForEditing, getDashboard } from "@/lib/releases/admin-queries";
import {
  getPendingReview,
  publishPendingChanges,
  returnPendingChanges,
} from "@/lib/publication/pending-changes";
import { findPublishedRelease } from "@/lib/releases/queries";
import { getReleasePreview } from "@/lib/releases/preview";
import { restoreRevision } from "@/lib/releases/restore-revision";
import { saveRelease } from "@/lib/releases/save-release";
import { transitionRelease } from "@/lib/releases/transition-release";
import { createDraft, createStaff, releaseInput } from "./staff";

let editor: Actor;
let publisher: Actor;

beforeAll(async () => {
  editor = await createStaff("editor");
  publisher = await createStaff("publisher");
});

/** A published release (587 signed projects) and an editor's change of that figure to 600. */
async function liveWithEditorChange() {
  const draft = await createDraft(editor);
  const live = await transitionRelease(publisher, draft.id, {
    action: "publish",
    baseVersion: draft.version,
  });
  const input = releaseInput({ slug: draft.slug, title: draft.title });
  input.figures = input.figures.map((f) => (f.key === "signed_projects" ? { ...f, value: "600" } : f));
  const saved = await saveRelease(editor, draft.id, {
    baseVersion: live.version,
    release: input,
    changeNote: { kind: "correction", note: "签约项目数更正为600个" },
  });
  return { id: draft.id, slug: draft.slug, saved, input };
}

async function publicValue(slug: string, key: string) {
  const found = await findPublishedRelease(slug);
  if (!found || !("release" in found)) throw new Error("not public");
  return found.release.figures.find((f) => f.key === key)?.value;
}

async function statusOf(promise: Promise<unknown>) {
  return toAppError(
    await promise.then(
      () => null,
      (e: unknown) => e,
    ),
  ).status;
}

describe("an editor's edit of a live release", () => {
  it("becomes pending changes: readers keep the live version, the editor sees the pending one", async () => {
    const { id, slug, saved } = await liveWithEditorChange();
    expect(saved.pending).toBe(true);
    expect(await publicValue(slug, "signed_projects")).toBe("587");
    const editing = await getReleaseForEditing(editor, id);
    expect(editing.release.pendingRevisionId).not.toBeNull();
    expect(editing.snapshot.figures.find((f) => f.key === "signed_projects")?.value).toBe("600");
    const review = await getPendingReview(editor, id);
    expect(review.pending?.diff.figures).toEqual([
      expect.objectContaining({
        key: "signed_projects",
        change: "changed",
        before: expect.stringContaining("587"),
        after: expect.stringContaining("600"),
      }),
    ]);
    expect(review.pending?.proposedNote).toBe("签约项目数更正为600个");
    const dashboard = await getDashboard(publisher);
    expect(dashboard.inReview.map((r) => r.id)).toContain(id);
  });

  it("also holds for a scheduled release that is not out yet, and for a restore", async () => {
    const draft = await createDraft(editor);
    const scheduled = await transitionRelease(publisher, draft.id, {
      action: "schedule",
      baseVersion: draft.version,
      publishAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    const saved = await saveRelease(editor, draft.id, {
      baseVersion: scheduled.version,
      release: releaseInput({ slug: draft.slug, title: "改过的标题" }),
    });
    expect(saved.pending).toBe(true);
    expect((await db.release.findUniqueOrThrow({ where: { id: draft.id } })).title).toBe(draft.title);

    // An editor's restore of a live release waits for review too; readers keep the live version.
    const other = await createDraft(editor);
    const live = await transitionRelease(publisher, other.id, {
      action: "publish",
      baseVersion: other.version,
    });
    const changed = await saveRelease(publisher, other.id, {
      baseVersion: live.version,
      release: releaseInput({ slug: other.slug, title: "发布人改过的标题" }),
      changeNote: { minor: true },
    });
    const first = await db.revision.findFirstOrThrow({ where: { releaseId: other.id, version: 1 } });
    const restored = await restoreRevision(editor, other.id, {
      revisionId: first.id,
      baseVersion: changed.version,
    });
    expect(restored.pending).toBe(true);
    expect((await db.release.findUniqueOrThrow({ where: { id: other.id } })).title).toBe("发布人改过的标题");
    expect((await getReleaseForEditing(editor, other.id)).snapshot.title).toBe(other.title);
  });

  it("a restore never replaces pending changes nobody decided on", async () => {
    const { id, saved } = await liveWithEditorChange();
    const first = await db.revision.findFirstOrThrow({ where: { releaseId: id, version: 1 } });
    for (const actor of [editor, publisher]) {
      const error = toAppError(
        await restoreRevision(actor, id, { revisionId: first.id, baseVersion: saved.version }).catch(
          (e: unknown) => e,
        ),
      );
      expect(error.status).toBe(409);
      expect(error.message).toContain("待发布的修改");
    }
    expect(
      (await getReleaseForEditing(editor, id)).snapshot.figures.find((f) => f.key === "signed_projects")
        ?.value,
    ).toBe("600");
  });

  it("a publisher's own edit goes live directly and supersedes pending changes", async () => {
    const { id, slug, saved, input } = await liveWithEditorChange();
    const figures = input.figures.map((f) => (f.key === "signed_projects" ? { ...f, value: "610" } : f));
    const direct = await saveRelease(publisher, id, {
      baseVersion: saved.version,
      release: { ...input, figures },
      changeNote: { note: "更新为610个" },
    });
    expect(direct.pending).toBe(false);
    expect(await publicValue(slug, "signed_projects")).toBe("610");
    expect((await db.release.findUniqueOrThrow({ where: { id } })).pendingRevisionId).toBeNull();
  });
});

describe("a publisher's review", () => {
  it("publishes the pending changes with the public correction note", async () => {
    const { id, slug, saved } = await liveWithEditorChange();
    // A figure changed on a published release: the note is required.
    expect(
      await statusOf(
        publishPendingChanges(publisher, id, { baseVersion: saved.version, changeNote: { note: "" } }),
      ),
    ).toBe(422);
    const published = await publishPendingChanges(publisher, id, {
      baseVersion: saved.version,
      changeNote: { kind: "correction", note: "签约项目数更正为600个" },
    });
    expect(await publicValue(slug, "signed_projects")).toBe("600");
    const found = await findPublishedRelease(slug);
    expect(found && "release" in found && found.release.changeNotes[0]).toMatchObject({
      kind: "correction",
      note: "签约项目数更正为600个",
    });
    expect(published.pendingRevisionId).toBeNull();
    const last = await db.revision.findFirstOrThrow({
      where: { releaseId: id },
      orderBy: { version: "desc" },
    });
    expect(last.action).toBe("publish_changes");
    expect(await db.auditLog.count({ where: { targetId: id, action: "release.publish_changes" } })).toBe(1);
  });

  it("sends them back with a reason; readers see nothing; the next save clears the reason", async () => {
    const { id, slug, saved, input } = await liveWithEditorChange();
    expect(
      await statusOf(returnPendingChanges(publisher, id, { baseVersion: saved.version, note: "" })),
    ).toBe(422);
    await returnPendingChanges(publisher, id, { baseVersion: saved.version, note: "请核对签约项目数" });
    expect((await getPendingReview(editor, id)).pending?.returnedNote).toBe("请核对签约项目数");
    expect(await publicValue(slug, "signed_projects")).toBe("587");
    // A second publisher's screen, opened before the send-back, cannot publish what was sent back.
    const stale = toAppError(
      await publishPendingChanges(publisher, id, {
        baseVersion: saved.version,
        changeNote: { minor: true },
      }).catch((e: unknown) => e),
    );
    expect(stale.status).toBe(409);
    expect(stale.message).toContain("已被退回");
    expect(await publicValue(slug, "signed_projects")).toBe("587");
    const again = await saveRelease(editor, id, { baseVersion: saved.version, release: input });
    expect((await db.release.findUniqueOrThrow({ where: { id } })).pendingReturnNote).toBeNull();
    await publishPendingChanges(publisher, id, { baseVersion: again.version, changeNote: { minor: true } });
    expect(await publicValue(slug, "signed_projects")).toBe("600");
  });

  it("refuses a stale version, and a release without pending changes", async () => {
    const { id, saved } = await liveWithEditorChange();
    expect(
      await statusOf(
        publishPendingChanges(publisher, id, { baseVersion: saved.version - 1, changeNote: { minor: true } }),
      ),
    ).toBe(409);
    await publishPendingChanges(publisher, id, { baseVersion: saved.version, changeNote: { minor: true } });
    const none = toAppError(
      await publishPendingChanges(publisher, id, {
        baseVersion: saved.version + 1,
        changeNote: { minor: true },
      }).catch((e: unknown) => e),
    );
    expect(none.status).toBe(409);
    expect(none.message).toBe("这篇稿件没有待发布的修改");
  });

  it("unpublishing keeps the pending changes as the working copy", async () => {
    const { id, saved } = await liveWithEditorChange();
    await transitionRelease(publisher, id, { action: "unpublish", baseVersion: saved.version });
    const row = await db.release.findUniqueOrThrow({ where: { id }, include: { figures: true } });
    expect(row.pendingRevisionId).toBeNull();
    expect(row.figures.find((f) => f.key === "signed_projects")?.value.toString()).toBe("600");
  });

  it("unpublishing keeps a slug taken meanwhile by another release as it was, and reserves nothing wrongly", async () => {
    const { id, slug, saved, input } = await liveWithEditorChange();
    const wanted = `${slug}-renamed`;
    const proposal = await saveRelease(editor, id, {
      baseVersion: saved.version,
      release: { ...input, slug: wanted },
    });
    await createDraft(editor, { slug: wanted });
    const draft = await transitionRelease(publisher, id, {
      action: "unpublish",
      baseVersion: proposal.version,
    });
    expect(draft.slug).toBe(slug);
  });

  it("archiving keeps the live version; the pending changes stay in the history only", async () => {
    const { id, saved } = await liveWithEditorChange();
    await transitionRelease(publisher, id, { action: "archive", baseVersion: saved.version });
    const row = await db.release.findUniqueOrThrow({ where: { id }, include: { figures: true } });
    expect(row.pendingRevisionId).toBeNull();
    expect(row.figures.find((f) => f.key === "signed_projects")?.value.toString()).toBe("587");
    expect(await db.revision.count({ where: { releaseId: id, action: "propose" } })).toBe(1);
  });
});

describe("the staff preview of a release with pending changes", () => {
  it("shows the pending version (as published it would read) and, on request, the live one; stores nothing", async () => {
    const { id, slug } = await liveWithEditorChange();
    const before = await db.release.findUniqueOrThrow({ where: { id }, include: { figures: true } });
    const revisions = await db.revision.count({ where: { releaseId: id } });

    const pending = await getReleasePreview(publisher, id);
    expect(pending.showsPendingChanges).toBe(true);
    expect(pending.release.figures.find((f) => f.key === "signed_projects")?.value).toBe("600");

    const live = await getReleasePreview(publisher, id, { live: true });
    expect(live.showsPendingChanges).toBe(false);
    expect(live.hasPendingChanges).toBe(true);
    expect(live.release.figures.find((f) => f.key === "signed_projects")?.value).toBe("587");

    const after = await db.release.findUniqueOrThrow({ where: { id }, include: { figures: true } });
    expect(after.version).toBe(before.version);
    expect(after.figures.map((f) => [f.key, f.value.toString()])).toEqual(
      before.figures.map((f) => [f.key, f.value.toString()]),
    );
    expect(await db.revision.count({ where: { releaseId: id } })).toBe(revisions);
    expect(await publicValue(slug, "signed_projects")).toBe("587");
  });
});
