import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { deleteRelease } from "@/lib/releases/delete-release";
import { findPublishedRelease } from "@/lib/releases/queries";
import { saveRelease } from "@/lib/releases/save-release";
import { transitionRelease } from "@/lib/releases/transition-release";
import { createDraft, createStaff, releaseInput } from "./staff";

let editor: Actor;
let publisher: Actor;
beforeAll(async () => {
  editor = await createStaff("editor");
  publisher = await createStaff("publisher");
});

const inAnHour = () => new Date(Date.now() + 3_600_000);

async function scheduled() {
  const draft = await createDraft(editor);
  const release = await transitionRelease(publisher, draft.id, {
    action: "schedule",
    baseVersion: draft.version,
    publishAt: inAnHour(),
  });
  return { draft, release };
}

describe("a release readers have not seen yet (embargoed)", () => {
  it("has its first public moment at the scheduled time, not when the publisher pressed schedule", async () => {
    const { release } = await scheduled();
    expect(release.publishedAt?.getTime()).toBe(release.publishAt?.getTime());
    expect(release.contentUpdatedAt.getTime()).toBe(release.publishAt?.getTime());
  });

  it("is edited without a public change note, and no change note is published", async () => {
    const { draft, release } = await scheduled();
    const saved = await saveRelease(publisher, draft.id, {
      baseVersion: release.version,
      release: releaseInput({ slug: draft.slug, title: "改过的标题", figures: [] }),
      changeNote: { minor: false, note: "" },
    });
    expect(saved.version).toBe(release.version + 1);
    expect(await db.changeNote.count({ where: { releaseId: draft.id } })).toBe(0);
  });

  it("leaves no reserved old address when its slug changes", async () => {
    const { draft, release } = await scheduled();
    await saveRelease(publisher, draft.id, {
      baseVersion: release.version,
      release: releaseInput({ slug: `${draft.slug}-new`, title: draft.title }),
    });
    expect(await db.slugRedirect.count({ where: { releaseId: draft.id } })).toBe(0);
    // The old slug is free for another release at once.
    await expect(createDraft(editor, releaseInput({ slug: draft.slug }))).resolves.toMatchObject({
      slug: draft.slug,
    });
  });

  it("taken back before it came due, is a never-published draft again and can be deleted", async () => {
    const { draft, release } = await scheduled();
    const unpublished = await transitionRelease(publisher, draft.id, {
      action: "unpublish",
      baseVersion: release.version,
    });
    expect(unpublished.publishedAt).toBeNull();
    await deleteRelease(publisher, draft.id, { baseVersion: unpublished.version });
    expect(await db.release.findUnique({ where: { id: draft.id } })).toBeNull();
  });

  it("archived before it came due, never becomes 'was published' when the time passes", async () => {
    const { draft, release } = await scheduled();
    const archived = await transitionRelease(publisher, draft.id, {
      action: "archive",
      baseVersion: release.version,
    });
    expect(archived.publishedAt).toBeNull();
    await deleteRelease(publisher, draft.id, { baseVersion: archived.version });
  });
});

describe("a release readers have seen", () => {
  it("keeps its first public moment through unpublish and republish, needs a change note, reserves its old slug", async () => {
    const draft = await createDraft(editor);
    const published = await transitionRelease(publisher, draft.id, {
      action: "publish",
      baseVersion: draft.version,
    });
    const first = published.publishedAt!;
    const down = await transitionRelease(publisher, draft.id, {
      action: "unpublish",
      baseVersion: published.version,
    });
    expect(down.publishedAt).toEqual(first);
    const again = await transitionRelease(publisher, draft.id, {
      action: "publish",
      baseVersion: down.version,
    });
    expect(again.publishedAt).toEqual(first);

    await expect(
      saveRelease(publisher, draft.id, {
        baseVersion: again.version,
        release: releaseInput({ slug: draft.slug, title: "再改" }),
        changeNote: { minor: false, note: "" },
      }),
    ).rejects.toMatchObject({ status: 422 });
    await saveRelease(publisher, draft.id, {
      baseVersion: again.version,
      release: releaseInput({ slug: `${draft.slug}-v2`, title: "再改" }),
      changeNote: { minor: false, note: "更正标题" },
    });
    expect(await findPublishedRelease(draft.slug)).toEqual({ redirectTo: `${draft.slug}-v2` });
    await expect(
      deleteRelease(publisher, draft.id, { baseVersion: again.version + 1 }),
    ).rejects.toMatchObject({
      status: 409,
    });
  });
});
