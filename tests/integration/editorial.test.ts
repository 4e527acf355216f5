import crypto from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { SYSTEM_ACTOR, type Actor } from "@/lib/auth/actor";
import { authenticate, SignInRefused } from "@/lib/auth/authenticate";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getRevisionSnapshot, getRevisionSnapshots, listRevisions } from "@/lib/releases/admin-queries";
import { createPreviewLink, resolvePreviewLink, revokePreviewLink } from "@/lib/releases/preview";
import { findPublishedRelease, listPublishedReleases } from "@/lib/releases/queries";
import { autosaveRelease, discardAutosave } from "@/lib/releases/autosave-release";
import { deleteRelease } from "@/lib/releases/delete-release";
import { restoreRevision } from "@/lib/releases/restore-revision";
import { saveRelease, VersionConflict } from "@/lib/releases/save-release";
import { transitionRelease } from "@/lib/releases/transition-release";
import { resetPasswordFromCli, updateUser } from "@/lib/users/user-mutations";
import { createDraft, createStaff, PASSWORD, releaseInput } from "./staff";

let editor: Actor;
let publisher: Actor;
let admin: Actor;

beforeAll(async () => {
  editor = await createStaff("editor");
  publisher = await createStaff("publisher");
  admin = await createStaff("admin");
});

async function publish(releaseId: string) {
  const r = await db.release.findUniqueOrThrow({ where: { id: releaseId } });
  return transitionRelease(publisher, releaseId, { action: "publish", baseVersion: r.version });
}

describe("workflow", () => {
  it("goes draft → in review → published, each step a revision and an audit entry", async () => {
    const draft = await createDraft(editor);
    const submitted = await transitionRelease(editor, draft.id, {
      action: "submit",
      baseVersion: draft.version,
    });
    expect(submitted.status).toBe("in_review");
    expect(await findPublishedRelease(draft.slug)).toBeNull();
    const published = await transitionRelease(publisher, draft.id, {
      action: "publish",
      baseVersion: submitted.version,
    });
    expect(published.status).toBe("published");
    expect(await findPublishedRelease(draft.slug)).toMatchObject({ release: { slug: draft.slug } });
    expect((await listRevisions(editor, draft.id)).map((r) => r.action)).toEqual([
      "publish",
      "submit",
      "create",
    ]);
    const audit = await db.auditLog.findMany({ where: { targetId: draft.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.actorEmail])).toEqual([
      ["release.create", editor.email],
      ["release.submit", editor.email],
      ["release.publish", publisher.email],
    ]);
    // Publishing queued a cache refresh for every server.
    expect(
      await db.cacheInvalidation.count({ where: { createdAt: { gte: published.updatedAt } } }),
    ).toBeGreaterThan(0);
  });

  it("refuses moves the workflow does not allow", async () => {
    const draft = await createDraft(editor);
    await expect(
      transitionRelease(publisher, draft.id, { action: "unpublish", baseVersion: draft.version }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      transitionRelease(publisher, draft.id, {
        action: "schedule",
        baseVersion: draft.version,
        publishAt: new Date(Date.now() - 1000).toISOString(),
      }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it("shows a scheduled release by itself when its time comes, and not a moment before", async () => {
    const draft = await createDraft(editor);
    const at = new Date(Date.now() + 3600_000);
    await transitionRelease(publisher, draft.id, {
      action: "schedule",
      baseVersion: draft.version,
      publishAt: at.toISOString(),
    });
    const listed = async () =>
      (await listPublishedReleases({ pageSize: 100 })).items.some((r) => r.slug === draft.slug);
    expect(await findPublishedRelease(draft.slug)).toBeNull();
    expect(await listed()).toBe(false);
    // Visibility is decided at read time from the clock: move the clock, not the test's wall time.
    try {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(at.getTime() - 1);
      expect(await findPublishedRelease(draft.slug)).toBeNull();
      expect(await listed()).toBe(false);
      vi.setSystemTime(at);
      expect(await findPublishedRelease(draft.slug)).toMatchObject({
        release: { slug: draft.slug, publishAt: at.toISOString() },
      });
      expect(await listed()).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it("deletes only what readers never saw, keeping its last state in the audit log", async () => {
    const draft = await createDraft(editor);
    await deleteRelease(publisher, draft.id, { baseVersion: draft.version });
    expect(await db.release.findUnique({ where: { id: draft.id } })).toBeNull();
    const entry = await db.auditLog.findFirstOrThrow({
      where: { targetId: draft.id, action: "release.delete" },
    });
    expect(entry.actorEmail).toBe(publisher.email);
    expect(JSON.stringify(entry.details)).toContain(draft.title);
    const live = await createDraft(editor);
    const published = await publish(live.id);
    await expect(deleteRelease(publisher, live.id, { baseVersion: published.version })).rejects.toMatchObject(
      { status: 409 },
    );
  });

  it("keeps the old URL of a published release when its slug changes", async () => {
    const draft = await createDraft(editor);
    const live = await publish(draft.id);
    const input = releaseInput({ slug: `${draft.slug}-v2`, title: draft.title });
    // A publisher's edit of a live release goes live directly (an editor's waits for review: pending-changes.test.ts).
    await saveRelease(publisher, draft.id, {
      baseVersion: live.version,
      release: input,
      changeNote: { minor: true },
    });
    expect(await findPublishedRelease(draft.slug)).toEqual({ redirectTo: `${draft.slug}-v2` });
  });
});

describe("nothing lost", () => {
  it("refuses a save based on an old version and hands back the newer one", async () => {
    const draft = await createDraft(editor);
    const a = await saveRelease(editor, draft.id, {
      baseVersion: 1,
      release: releaseInput({ slug: draft.slug, title: "A 的标题" }),
    });
    expect(a.version).toBe(2);
    const error = await saveRelease(publisher, draft.id, {
      baseVersion: 1,
      release: releaseInput({ slug: draft.slug, title: "B 的标题" }),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VersionConflict);
    expect((error as VersionConflict).status).toBe(409);
    expect((error as VersionConflict).current.title).toBe("A 的标题");
    expect((error as VersionConflict).currentVersion).toBe(2);
    expect((await db.release.findUniqueOrThrow({ where: { id: draft.id } })).title).toBe("A 的标题");
    // Overwriting knowingly works, naming the version overwritten, and says so in the history.
    const b = await saveRelease(publisher, draft.id, {
      baseVersion: 2,
      overwrite: true,
      release: releaseInput({ slug: draft.slug, title: "B 的标题" }),
    });
    expect(b.version).toBe(3);
    expect((await listRevisions(editor, draft.id))[0].action).toBe("save_overwrite");
    // An overwrite naming a version saved over since (the screen showed 2, the release is at 3) is
    // a new conflict: version 3 is not undone unseen.
    const late = await saveRelease(editor, draft.id, {
      baseVersion: 2,
      overwrite: true,
      release: releaseInput({ slug: draft.slug, title: "A 又来覆盖" }),
    }).catch((e: unknown) => e);
    expect(late).toBeInstanceOf(VersionConflict);
    expect((late as VersionConflict).currentVersion).toBe(3);
    expect((await db.release.findUniqueOrThrow({ where: { id: draft.id } })).title).toBe("B 的标题");
  });

  it("serialises two saves racing on one version: one wins, one conflicts", async () => {
    const draft = await createDraft(editor);
    const results = await Promise.allSettled([
      saveRelease(editor, draft.id, {
        baseVersion: 1,
        release: releaseInput({ slug: draft.slug, title: "一" }),
      }),
      saveRelease(publisher, draft.id, {
        baseVersion: 1,
        release: releaseInput({ slug: draft.slug, title: "二" }),
      }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(
      results.filter((r) => r.status === "rejected" && r.reason instanceof VersionConflict),
    ).toHaveLength(1);
  });

  it("rejects invalid input whole, with field messages, and writes nothing", async () => {
    const draft = await createDraft(editor);
    const bad = releaseInput({
      slug: draft.slug,
      title: "",
      figures: [
        { key: "a", label: "百分比", value: "120", unit: "%" },
        { key: "b", label: "负数", value: "-3", unit: "个" },
        { key: "c", label: "文字", value: "很多", unit: "个" },
        { key: "d", label: "新单位", value: "3", unit: "光年" },
        { key: "d", label: "重复", value: "3", unit: "个", isRecord: true },
      ],
    });
    const error = await saveRelease(editor, draft.id, { baseVersion: 1, release: bad }).catch(
      (e: unknown) => e,
    );
    const { toAppError } = await import("@/lib/errors");
    const app = toAppError(error);
    expect(app.status).toBe(422);
    const messages = Object.fromEntries((app.details?.fields ?? []).map((f) => [f.path, f.message]));
    expect(messages).toMatchObject({
      "release.title": "请填写标题",
      "release.figures.0.value": "百分比必须在 0 到 100 之间",
      "release.figures.1.value": "数值不能为负数",
      "release.figures.2.value": "数值必须是数字，例如 1.6 或 3425",
      "release.figures.4.recordNote": "请写明纪录说明，例如“创历史新高”",
      "release.figures.4.key": "标识“d”重复",
    });
    expect(messages["release.figures.3.unit"]).toContain("新单位");
    const after = await db.release.findUniqueOrThrow({ where: { id: draft.id }, include: { figures: true } });
    expect(after.version).toBe(1);
    expect(after.figures).toHaveLength(2);
  });

  it("keeps a release's language: a save cannot turn it into the other edition's", async () => {
    const draft = await createDraft(editor);
    const flipped = saveRelease(editor, draft.id, {
      baseVersion: 1,
      release: releaseInput({ slug: draft.slug, locale: "en" }),
    });
    await expect(flipped).rejects.toMatchObject({
      status: 422,
      details: { fields: [{ path: "release.locale", message: "语言不能更改" }] },
    });
    // Even overwriting knowingly, and as an admin.
    const admin = await createStaff("admin");
    await expect(
      saveRelease(admin, draft.id, {
        baseVersion: 1,
        overwrite: true,
        release: releaseInput({ slug: draft.slug, locale: "en" }),
      }),
    ).rejects.toMatchObject({ status: 422 });
    const after = await db.release.findUniqueOrThrow({ where: { id: draft.id } });
    expect([after.locale, after.version]).toEqual(["zh-CN", 1]);
  });

  it("drops the editor's own unsaved copy only when it holds the work they discarded", async () => {
    const draft = await createDraft(editor);
    const other = await createStaff("editor");
    const work = { title: "我的半截", figures: [{ key: "a", value: "1" }], summary: "" };
    await autosaveRelease(editor, draft.id, { baseVersion: 1, data: work });
    await autosaveRelease(other, draft.id, { baseVersion: 1, data: { title: "别人的半截" } });
    const left = async () =>
      (await db.autosave.findMany({ where: { releaseId: draft.id } })).map((a) => a.userId).sort();
    // Other work (another device's, never shown) stays; so does another editor's copy of any work.
    expect(await discardAutosave(editor, draft.id, { work: [{ ...work, title: "另一台设备的" }] })).toEqual({
      discarded: false,
    });
    expect(await discardAutosave(editor, draft.id, { work: [{ title: "别人的半截" }] })).toEqual({
      discarded: false,
    });
    expect(await left()).toEqual([editor.id, other.id].sort());
    // The same work, its keys in another order (as a browser may send it), is dropped.
    const reordered = { summary: "", figures: [{ value: "1", key: "a" }], title: "我的半截" };
    expect(await discardAutosave(editor, draft.id, { work: [{ title: "x" }, reordered] })).toEqual({
      discarded: true,
    });
    expect(await left()).toEqual([other.id]);
    // A copy an older editor kept (before 原文发布时间 and the results flag) is the same work as the
    // form the page offered of it, which has those fields filled in.
    const form = {
      title: "旧版编辑器的半截",
      slug: draft.slug,
      summary: "",
      body: "",
      categoryId: "",
      editionId: "",
      leadImageId: "",
      tags: [],
      sourceName: "",
      sourceUrl: "",
      byline: "",
      locale: "zh-CN",
      figures: [],
    };
    await autosaveRelease(editor, draft.id, { baseVersion: 1, data: form });
    const offered = { ...form, statedPublishAt: "", isEditionResults: false };
    expect(await discardAutosave(editor, draft.id, { work: [offered] })).toEqual({ discarded: true });
    const { toAppError } = await import("@/lib/errors");
    for (const bad of [{}, { work: [] }, { work: [{}, {}, {}] }, { work: "x" }, null]) {
      const error = await discardAutosave(editor, draft.id, bad).catch((e: unknown) => e);
      expect(toAppError(error).status, JSON.stringify(bad)).toBe(422);
    }
  });

  it("keeps every version, diffs them and restores one as a new revision", async () => {
    const draft = await createDraft(editor);
    const v2 = await saveRelease(editor, draft.id, {
      baseVersion: 1,
      release: releaseInput({
        slug: draft.slug,
        title: "第二版",
        figures: [{ key: "signed_projects", label: "合作签约项目", value: "600", unit: "个" }],
      }),
    });
    const [one, two] = await getRevisionSnapshots(editor, draft.id, [1, 2]);
    // One version alone, as the editor asks for it to merge unsaved work made against it.
    expect((await getRevisionSnapshot(editor, draft.id, "1")).snapshot.title).toBe(draft.title);
    for (const bad of ["0", "01", "-1", "1e0", "2.0", " 1", "3", "9999999999", "1; DROP TABLE revision"])
      await expect(getRevisionSnapshot(editor, draft.id, bad), bad).rejects.toMatchObject({
        code: "not_found",
      });
    // Another release's id never reads this one's versions.
    const other = await createDraft(editor);
    expect((await getRevisionSnapshot(editor, other.id, "1")).snapshot.title).toBe(other.title);
    await expect(getRevisionSnapshot(editor, other.id, "2")).rejects.toMatchObject({ code: "not_found" });
    await expect(getRevisionSnapshot(editor, crypto.randomUUID(), "1")).rejects.toMatchObject({
      code: "not_found",
    });
    expect(one.snapshot.figures.find((f) => f.key === "signed_projects")?.value).toBe("587");
    expect(two.snapshot.figures.find((f) => f.key === "signed_projects")?.value).toBe("600");
    const revisionOne = await db.revision.findFirstOrThrow({ where: { releaseId: draft.id, version: 1 } });
    const restored = await restoreRevision(editor, draft.id, {
      revisionId: revisionOne.id,
      baseVersion: v2.version,
    });
    expect(restored.version).toBe(3);
    const now = await db.release.findUniqueOrThrow({
      where: { id: draft.id },
      include: { figures: { orderBy: { sortOrder: "asc" } } },
    });
    expect(now.title).toBe(draft.title);
    expect(now.figures.map((f) => [f.key, f.value.toString()])).toEqual([
      ["signed_projects", "587"],
      ["signed_investment", "3425"],
    ]);
    expect((await listRevisions(editor, draft.id)).map((r) => r.action)).toEqual([
      "restore",
      "save",
      "create",
    ]);
  });

  it("asks for a public change note on published releases, and shows it", async () => {
    const draft = await createDraft(editor);
    const live = await publish(draft.id);
    const change = releaseInput({
      slug: draft.slug,
      title: draft.title,
      figures: [{ key: "signed_projects", label: "合作签约项目", value: "588", unit: "个" }],
    });
    await expect(
      saveRelease(publisher, draft.id, { baseVersion: live.version, release: change }),
    ).rejects.toMatchObject({ status: 422 });
    await saveRelease(publisher, draft.id, {
      baseVersion: live.version,
      release: change,
      changeNote: { kind: "correction", note: "签约项目数更正为588个" },
    });
    const found = await findPublishedRelease(draft.slug);
    if (!found || !("release" in found)) throw new Error("not visible");
    expect(found.release.changeNotes).toMatchObject([{ kind: "correction", note: "签约项目数更正为588个" }]);
    expect(found.release.figures.find((f) => f.key === "signed_projects")?.display).toBe("588个");
  });
});

describe("sanitising", () => {
  const PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    '<svg onload="alert(1)"></svg>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    '"><script>alert(1)</script>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    "<body onload=alert(1)>",
  ];

  it("lets no payload in body, title, figure labels or captions reach a public page", async () => {
    const { renderBody } = await import("@/lib/content/render-body");
    const draft = await createDraft(editor);
    const evil = PAYLOADS.join("");
    const saved = await saveRelease(editor, draft.id, {
      baseVersion: 1,
      release: releaseInput({
        slug: draft.slug,
        title: `标题${PAYLOADS[0]}${PAYLOADS[1]}${PAYLOADS[6]}`,
        summary: evil,
        body: `<p>正文${evil}</p><figure class="photo"><figcaption>图注${evil}<span class="credit">${evil}</span></figcaption></figure>`,
        figures: [
          {
            key: "x",
            label: `标签${PAYLOADS[1]}${PAYLOADS[3]}`,
            value: "1",
            unit: "个",
            sourceText: PAYLOADS.slice(0, 6).join(""),
            mention: "1个",
          },
        ],
      }),
    });
    await transitionRelease(publisher, draft.id, { action: "publish", baseVersion: saved.version });
    const found = await findPublishedRelease(draft.slug);
    if (!found || !("release" in found)) throw new Error("not visible");
    const r = found.release;
    const html = renderBody(r.body, r.figures, { photoMissing: "x" });
    for (const text of [html, r.title, r.summary, r.figures[0].label, r.figures[0].sourceText ?? ""]) {
      expect(text).not.toMatch(/<script|onerror|onload|javascript:|<iframe|<svg|style=/i);
    }
    expect(r.title.startsWith("标题")).toBe(true);
  });
});

describe("sign-in protection", () => {
  it("locks an account after 5 failures in 15 minutes, even for the right password", async () => {
    const user = await createStaff("editor");
    for (let i = 0; i < 5; i++) {
      await expect(
        authenticate({ email: user.email, password: "wrong", ip: "10.9.0.1" }),
      ).rejects.toMatchObject({ reason: "invalid" });
    }
    await expect(
      authenticate({ email: user.email, password: PASSWORD, ip: "10.9.0.1" }),
    ).rejects.toMatchObject({ reason: "locked" });
    // Failures move back out of the window: the lock ends by itself.
    await db.signInAttempt.updateMany({
      where: { email: user.email },
      data: { createdAt: new Date(Date.now() - 16 * 60_000) },
    });
    await expect(
      authenticate({ email: user.email, password: PASSWORD, ip: "10.9.0.1" }),
    ).resolves.toMatchObject({ email: user.email });
  });

  it("says the same for an unknown email and a wrong password", async () => {
    const user = await createStaff("editor");
    const unknown = await authenticate({
      email: "nobody@nowhere.example",
      password: "x",
      ip: "10.9.0.2",
    }).catch((e: SignInRefused) => e.reason);
    const wrong = await authenticate({ email: user.email, password: "x", ip: "10.9.0.2" }).catch(
      (e: SignInRefused) => e.reason,
    );
    expect(unknown).toBe("invalid");
    expect(wrong).toBe("invalid");
    const audit = await db.auditLog.findMany({ where: { action: "auth.signin.failure", ip: "10.9.0.2" } });
    expect(audit).toHaveLength(2);
  });

  it("rate-limits an address after 20 failures, with a retry time", async () => {
    const ip = `10.8.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    await db.signInAttempt.createMany({
      data: Array.from({ length: 21 }, (_, i) => ({ email: `x${i}@y.example`, ip, succeeded: false })),
    });
    const error = await authenticate({ email: "any@y.example", password: "x", ip }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInRefused);
    expect((error as SignInRefused).reason).toBe("rateLimited");
    expect((error as SignInRefused).retryAfterSeconds).toBeGreaterThan(800);
  });

  it("ends sessions when a role or password changes or the account is deactivated", async () => {
    const user = await createStaff("editor");
    const version = async () => (await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion;
    const v0 = await version();
    await updateUser(admin, user.id, { role: "publisher" });
    expect(await version()).toBe(v0 + 1);
    await updateUser(admin, user.id, { password: "a-brand-new-password" });
    expect(await version()).toBe(v0 + 2);
    await updateUser(admin, user.id, { active: false });
    expect(await version()).toBe(v0 + 3);
    await expect(
      authenticate({ email: user.email, password: "a-brand-new-password", ip: "10.9.0.3" }),
    ).rejects.toMatchObject({ reason: "invalid" });
    expect(
      (await db.auditLog.findFirstOrThrow({ where: { targetId: user.id, action: "user.role_change" } }))
        .details,
    ).toEqual({ role: { from: "editor", to: "publisher" } });
  });
});

describe("password reset at the command line", () => {
  it("sets a new password and ends its sessions; a deactivated account stays so unless --activate", async () => {
    const user = await createStaff("admin");
    await updateUser(admin, user.id, { active: false });
    const before = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion;
    await resetPasswordFromCli(SYSTEM_ACTOR, user.email, "a-recovered-password");
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionVersion).toBe(before + 1);
    expect(after.active).toBe(false);
    // An admin deactivated them: a reset alone does not let them back in.
    await expect(
      authenticate({ email: user.email, password: "a-recovered-password", ip: "10.9.0.4" }),
    ).rejects.toMatchObject({ reason: "invalid" });
    await resetPasswordFromCli(SYSTEM_ACTOR, user.email, "a-recovered-password", { activate: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).active).toBe(true);
    await expect(
      authenticate({ email: user.email, password: "a-recovered-password", ip: "10.9.0.4" }),
    ).resolves.toMatchObject({ id: user.id });
    const audit = await db.auditLog.findMany({
      where: { targetId: user.id, action: "user.update", actorEmail: "cli" },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.actorId, a.details])).toEqual([
      [null, { password: "reset" }],
      [null, { password: "reset", active: true }],
    ]);
    await expect(
      resetPasswordFromCli(SYSTEM_ACTOR, "nobody@nowhere.example", "a-recovered-password"),
    ).rejects.toMatchObject({ status: 404 });
    await expect(resetPasswordFromCli(SYSTEM_ACTOR, user.email, "short")).rejects.toMatchObject({
      name: "ZodError",
    });
  });

  it("needs a permission like every domain function", async () => {
    await expect(resetPasswordFromCli(null, admin.email, "a-recovered-password")).rejects.toMatchObject({
      status: 401,
    });
    await expect(resetPasswordFromCli(editor, admin.email, "a-recovered-password")).rejects.toMatchObject({
      status: 403,
    });
  });
});

describe("preview links", () => {
  it("work for a reviewer until they expire or are revoked", async () => {
    const draft = await createDraft(editor);
    const link = await createPreviewLink(publisher, draft.id, { hours: 1 });
    expect((await resolvePreviewLink(link.token))?.release.slug).toBe(draft.slug);
    await revokePreviewLink(publisher, link.id);
    expect(await resolvePreviewLink(link.token)).toBeNull();
    const expired = await createPreviewLink(publisher, draft.id, { hours: 1 });
    await db.previewLink.update({
      where: { id: expired.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await resolvePreviewLink(expired.token)).toBeNull();
    expect(await resolvePreviewLink("not-a-token")).toBeNull();
    await expect(createPreviewLink(editor, draft.id, {})).rejects.toBeInstanceOf(AppError);
  });
});
