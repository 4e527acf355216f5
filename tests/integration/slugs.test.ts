import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError, toAppError } from "@/lib/errors";
import { releaseRetiredSlug } from "@/lib/publication/release-slug";
import { createRelease } from "@/lib/releases/create-release";
import { findPublishedRelease } from "@/lib/releases/queries";
import { saveRelease } from "@/lib/releases/save-release";
import { transitionRelease } from "@/lib/releases/transition-release";
import { createStaff, releaseInput } from "./staff";
import { uniqueSlug } from "./factories";

let editor: Actor;
let publisher: Actor;

beforeAll(async () => {
  editor = await createStaff("editor");
  publisher = await createStaff("publisher");
});

async function publishedWithRetiredSlug() {
  const oldSlug = uniqueSlug("old");
  const draft = await createRelease(editor, releaseInput({ slug: oldSlug }));
  const published = await transitionRelease(publisher, draft.id, {
    action: "publish",
    baseVersion: draft.version,
  });
  const newSlug = uniqueSlug("new");
  const saved = await saveRelease(publisher, draft.id, {
    baseVersion: published.version,
    release: releaseInput({ slug: newSlug }),
    changeNote: { minor: true },
  });
  return { id: draft.id, oldSlug, newSlug, version: saved.version };
}

async function conflictOf(promise: Promise<unknown>) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(409);
  return (error as AppError).message;
}

describe("automatic slugs", () => {
  it("take a free suffix instead of failing: -2, -3", async () => {
    // The same title three times (random letters, so other tests never share its slug).
    const title = `Signing ${Math.random()
      .toString(36)
      .replace(/[^a-z]/g, "")}`;
    const first = await createRelease(editor, { title });
    const second = await createRelease(editor, { title });
    const third = await createRelease(editor, { title });
    expect(second.slug).toBe(`${first.slug}-2`);
    expect(third.slug).toBe(`${first.slug}-3`);
  });

  it("never collide, however many releases of one title are created at once", async () => {
    const title = `Concurrent ${Math.random()
      .toString(36)
      .replace(/[^a-z]/g, "")}`;
    const created = await Promise.all(Array.from({ length: 8 }, () => createRelease(editor, { title })));
    const slugs = created.map((r) => r.slug).sort();
    expect(new Set(slugs).size).toBe(8);
    expect(slugs).toContain(created[0].slug.replace(/-\d+$/, ""));
  });

  it("skip a retired slug of a published release", async () => {
    const { oldSlug } = await publishedWithRetiredSlug();
    const created = await createRelease(editor, { title: oldSlug.replace(/-/g, " ") });
    expect(created.slug).toBe(`${oldSlug}-2`);
  });
});

describe("typed slugs", () => {
  it("conflict when another release has it now", async () => {
    const slug = uniqueSlug("taken");
    await createRelease(editor, releaseInput({ slug }));
    expect(await conflictOf(createRelease(editor, releaseInput({ slug })))).toContain("已被使用");
  });

  it("conflict when it is a retired slug of a published release, on create and on save", async () => {
    const { oldSlug } = await publishedWithRetiredSlug();
    expect(await conflictOf(createRelease(editor, releaseInput({ slug: oldSlug })))).toContain("旧地址");
    const other = await createRelease(editor, releaseInput());
    expect(
      await conflictOf(
        saveRelease(editor, other.id, {
          baseVersion: other.version,
          release: releaseInput({ slug: oldSlug }),
        }),
      ),
    ).toContain("旧地址");
    // The old address still leads to its release.
    expect(await findPublishedRelease(oldSlug)).toEqual({ redirectTo: expect.any(String) });
  });

  it("a release may take back its own old slug, which is then current again", async () => {
    const { id, oldSlug, newSlug, version } = await publishedWithRetiredSlug();
    await saveRelease(publisher, id, {
      baseVersion: version,
      release: releaseInput({ slug: oldSlug }),
      changeNote: { minor: true },
    });
    expect(await findPublishedRelease(oldSlug)).toMatchObject({ release: { id } });
    expect(await findPublishedRelease(newSlug)).toEqual({ redirectTo: oldSlug });
  });
});

describe("releasing a retired slug", () => {
  it("is for publishers: an editor is refused and the redirect stays", async () => {
    const { oldSlug } = await publishedWithRetiredSlug();
    const error = await releaseRetiredSlug(editor, { slug: oldSlug }).catch((e: unknown) => e);
    expect((error as AppError).status).toBe(403);
    expect(await db.slugRedirect.count({ where: { slug: oldSlug } })).toBe(1);
  });

  it("removes the redirect, is audited, and frees the slug for another release", async () => {
    const { id, oldSlug } = await publishedWithRetiredSlug();
    await releaseRetiredSlug(publisher, { slug: oldSlug });
    expect(await findPublishedRelease(oldSlug)).toBeNull();
    expect(await db.auditLog.count({ where: { action: "slug.release", targetId: id } })).toBe(1);
    const other = await createRelease(editor, releaseInput({ slug: oldSlug }));
    const live = await transitionRelease(publisher, other.id, {
      action: "publish",
      baseVersion: other.version,
    });
    expect(live.slug).toBe(oldSlug);
    expect(await findPublishedRelease(oldSlug)).toMatchObject({ release: { id: other.id } });
  });

  it("answers 404 for a slug that is no old address, and 422 for a malformed one", async () => {
    expect(
      toAppError(await releaseRetiredSlug(publisher, { slug: uniqueSlug("none") }).catch((e: unknown) => e))
        .status,
    ).toBe(404);
    expect(
      toAppError(await releaseRetiredSlug(publisher, { slug: "../x" }).catch((e: unknown) => e)).status,
    ).toBe(422);
  });
});
