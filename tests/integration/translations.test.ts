import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { toAppError } from "@/lib/errors";
import { loadFeedChannel } from "@/lib/feeds/feed-entries";
import {
  findEnglishRelease,
  getEnglishHomeReleases,
  listEnglishReleases,
  listEnglishReleasesOfYear,
  listPublicTranslations,
} from "@/lib/releases/english-queries";
import { listPublishedReleases } from "@/lib/releases/queries";
import { saveRelease } from "@/lib/releases/save-release";
import { searchPublicReleases } from "@/lib/search/search-releases";
import { SEED_RELEASE_SLUG, seedDatabase } from "@/lib/seed/seed-database";
import { transitionRelease } from "@/lib/releases/transition-release";
import {
  getTranslationPanel,
  listOutdatedTranslations,
  listTranslationFlags,
} from "@/lib/translations/queries";
import { translateRelease } from "@/lib/translations/translate-release";
import { createDraft, createStaff, releaseInput } from "./staff";

let editor: Actor;
let publisher: Actor;
let admin: Actor;
beforeAll(async () => {
  [editor, publisher, admin] = await Promise.all([
    createStaff("editor"),
    createStaff("publisher"),
    createStaff("admin"),
  ]);
});

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => toAppError(e),
  );
  expect(error, "the call must be refused").not.toBeNull();
  return error!;
}

async function publish(id: string) {
  const release = await db.release.findUniqueOrThrow({ where: { id } });
  await transitionRelease(publisher, id, { action: "publish", baseVersion: release.version });
  return db.release.findUniqueOrThrow({ where: { id } });
}

/** A published Chinese release with 587个 and 3425亿元, and its published English translation. */
async function translatedPair() {
  const original = await publish((await createDraft(publisher)).id);
  const { id } = await translateRelease(editor, original.id, {
    action: "create",
    title: "Results in English",
  });
  const translation = await publish(id);
  return { original, translation };
}

describe("creating and linking translations", () => {
  it("creates an English draft that shares the group and reads the original's figures", async () => {
    const { original, translation } = await translatedPair();
    expect(translation.locale).toBe("en");
    expect(translation.translatedFromId).toBe(original.id);
    expect(translation.translationGroupId).toBe(original.translationGroupId);
    expect(translation.translatedAt).not.toBeNull();
    // Figures are shared, not copied.
    expect(await db.figure.count({ where: { releaseId: translation.id } })).toBe(0);
    const found = await findEnglishRelease(translation.slug);
    if (!found || "redirectTo" in found) throw new Error("English release not found");
    expect(found.release.figures.map((f) => f.display)).toEqual(["587", "342.5 billion yuan"]);
    expect(found.original).toEqual({ slug: original.slug });
    expect(await listPublicTranslations(original.id)).toEqual([{ locale: "en", slug: translation.slug }]);
    const audit = await db.auditLog.findFirst({
      where: { action: "release.translation_create", targetId: translation.id },
    });
    expect(audit?.actorId).toBe(editor.id);
  });

  it("keeps English releases out of the Chinese lists and feeds, and Chinese out of the English ones", async () => {
    const { original, translation } = await translatedPair();
    const chinese = await listPublishedReleases({ pageSize: 300 });
    expect(chinese.items.some((r) => r.id === translation.id)).toBe(false);
    expect(chinese.items.some((r) => r.id === original.id)).toBe(true);
    const english = await listEnglishReleases();
    expect(english.items.every((r) => r.locale === "en")).toBe(true);
    expect(english.items.find((r) => r.id === translation.id)?.keyFigures.map((f) => f.display)).toEqual([
      "587",
    ]);
    const feed = await loadFeedChannel(undefined, "en");
    expect(feed?.language).toBe("en");
    expect(feed?.entries.some((e) => e.url.endsWith(`/en/releases/${translation.slug}`))).toBe(true);
    const zhFeed = await loadFeedChannel();
    expect(zhFeed?.entries.some((e) => e.id === `urn:uuid:${translation.id}`)).toBe(false);
  });

  it("links an existing English release, and refuses what cannot be a translation", async () => {
    const original = await publish((await createDraft(publisher)).id);
    const english = await createDraft(editor, { locale: "en", figures: [] });
    await translateRelease(editor, original.id, { action: "link", slug: english.slug });
    const linked = await db.release.findUniqueOrThrow({ where: { id: english.id } });
    expect(linked.translatedFromId).toBe(original.id);
    expect(linked.translationGroupId).toBe(original.translationGroupId);

    // A second English version of the same original.
    const other = await createDraft(editor, { locale: "en", figures: [] });
    let error = await refusal(translateRelease(editor, original.id, { action: "link", slug: other.slug }));
    expect([error.status, error.message]).toEqual([409, "该稿件已有英文版"]);
    error = await refusal(translateRelease(editor, original.id, { action: "create", title: "Again" }));
    expect([error.status, error.message]).toEqual([409, "该稿件已有英文版"]);
    // A Chinese release as the "translation", the translation as an original, unknown and hostile slugs.
    const second = await createDraft(publisher);
    error = await refusal(translateRelease(editor, second.id, { action: "link", slug: original.slug }));
    expect([error.status, error.message]).toEqual([422, "只能关联英文稿件"]);
    error = await refusal(translateRelease(editor, second.id, { action: "link", slug: english.slug }));
    expect(error.message).toBe("该英文稿件已是另一篇稿件的译文");
    error = await refusal(translateRelease(editor, english.id, { action: "create", title: "x" }));
    expect([error.status, error.message]).toEqual([400, "只有中文原稿可以添加英文版"]);
    error = await refusal(
      translateRelease(editor, second.id, { action: "link", slug: "no-such-release-xyz" }),
    );
    expect(error.status).toBe(422);
    for (const body of [
      { action: "link", slug: "../../etc/passwd" },
      { action: "link", slug: "x".repeat(10_000) },
      { action: "create", title: "" },
      { action: "create", title: "长".repeat(201) },
      { action: "drop" },
      null,
      "create",
    ]) {
      const refused = await refusal(translateRelease(editor, second.id, body));
      expect(refused.status, JSON.stringify(body)?.slice(0, 40)).toBe(422);
      expect(refused.message).toMatch(/[\u4e00-\u9fff]/);
    }
    error = await refusal(translateRelease(editor, "not-a-uuid", { action: "confirm" }));
    expect(error.status).toBe(404);
    error = await refusal(translateRelease(editor, original.id, { action: "confirm" }));
    expect([error.status, error.message]).toEqual([400, "该稿件不是译文"]);
  });

  it("gives one original at most one English translation when eight editors create it at once", async () => {
    const original = await publish((await createDraft(publisher)).id);
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        translateRelease(editor, original.id, { action: "create", title: `Concurrent ${i}` }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(toAppError(r.reason).status).toBe(409);
    expect(await db.release.count({ where: { translatedFromId: original.id } })).toBe(1);
  });
});

describe("an original that is not public", () => {
  const englishFigures = async (slug: string) => {
    const found = await findEnglishRelease(slug);
    if (!found || "redirectTo" in found) throw new Error("English release not found");
    return found.release.figures.map((f) => f.display);
  };

  it("lends no figures to its public translation: page, lists, feed and year", async () => {
    const { original, translation } = await translatedPair();
    expect(await englishFigures(translation.slug)).toEqual(["587", "342.5 billion yuan"]);
    // The original is taken down; its translation stays up.
    await transitionRelease(publisher, original.id, { action: "unpublish", baseVersion: original.version });
    expect(await englishFigures(translation.slug)).toEqual([]);
    const listed = (await listEnglishReleases()).items.find((r) => r.id === translation.id);
    expect(listed?.keyFigures).toEqual([]);
    const feed = await loadFeedChannel(undefined, "en");
    const entry = feed?.entries.find((e) => e.url.endsWith(`/en/releases/${translation.slug}`));
    expect(entry).toBeDefined();
    expect(JSON.stringify(entry)).not.toContain("342.5");
    const year = await listEnglishReleasesOfYear(new Date().getFullYear());
    for (const row of year.filter((r) => r.release.id === translation.id)) expect(row.figures).toEqual([]);
    const home = await getEnglishHomeReleases(50);
    expect(home.lead?.id).not.toBe(translation.id);
  });

  it("cannot be linked to a published English release: not by an editor, not by a publisher", async () => {
    const draft = await createDraft(editor);
    const english = await publish((await createDraft(publisher, { locale: "en", figures: [] })).id);
    let error = await refusal(translateRelease(editor, draft.id, { action: "link", slug: english.slug }));
    expect(error.status).toBe(403);
    error = await refusal(translateRelease(publisher, draft.id, { action: "link", slug: english.slug }));
    expect([error.status, error.message]).toEqual([
      422,
      "已发布或定时发布的英文稿件只能关联届时已发布的中文原稿",
    ]);
    expect((await db.release.findUniqueOrThrow({ where: { id: english.id } })).translatedFromId).toBeNull();
    // A public original: a publisher may link it, an editor still may not change a public page.
    const original = await publish((await createDraft(publisher)).id);
    error = await refusal(translateRelease(editor, original.id, { action: "link", slug: english.slug }));
    expect(error.status).toBe(403);
    await translateRelease(publisher, original.id, { action: "link", slug: english.slug });
    expect(await englishFigures(english.slug)).toEqual(["587", "342.5 billion yuan"]);
  });

  it("holds its translation back: no publishing before it, no schedule earlier than its own", async () => {
    const at = new Date(Date.now() + 3600_000);
    let original = await createDraft(publisher);
    const { id } = await translateRelease(editor, original.id, { action: "create", title: "Embargoed" });
    let translation = await db.release.findUniqueOrThrow({ where: { id } });
    let error = await refusal(
      transitionRelease(publisher, id, { action: "publish", baseVersion: translation.version }),
    );
    expect([error.status, error.message]).toEqual([409, "中文原稿尚未发布，英文版不能早于原稿发布"]);

    await transitionRelease(publisher, original.id, {
      action: "schedule",
      baseVersion: original.version,
      publishAt: at.toISOString(),
    });
    original = await db.release.findUniqueOrThrow({ where: { id: original.id } });
    error = await refusal(
      transitionRelease(publisher, id, { action: "publish", baseVersion: translation.version }),
    );
    expect(error.status).toBe(409);
    expect(error.message).toMatch(/^中文原稿定于 .+ 发布，英文版不能早于原稿发布$/);
    error = await refusal(
      transitionRelease(publisher, id, {
        action: "schedule",
        baseVersion: translation.version,
        publishAt: new Date(at.getTime() - 60_000).toISOString(),
      }),
    );
    expect(error.status).toBe(409);
    translation = await db.release.findUniqueOrThrow({ where: { id } });
    expect(translation.status).toBe("draft");
    // At the original's moment or later: allowed.
    await transitionRelease(publisher, id, {
      action: "schedule",
      baseVersion: translation.version,
      publishAt: at.toISOString(),
    });
    expect((await db.release.findUniqueOrThrow({ where: { id } })).status).toBe("scheduled");

    // The original may not then fall behind it: moved later, or taken down.
    original = await db.release.findUniqueOrThrow({ where: { id: original.id } });
    error = await refusal(
      transitionRelease(publisher, original.id, {
        action: "schedule",
        baseVersion: original.version,
        publishAt: new Date(at.getTime() + 3600_000).toISOString(),
      }),
    );
    expect(error.status).toBe(409);
    expect(error.message).toMatch(/^英文版定于 .+ 发布，中文原稿不能晚于英文版公开/);
    error = await refusal(
      transitionRelease(publisher, original.id, { action: "unpublish", baseVersion: original.version }),
    );
    expect(error.status).toBe(409);
    expect((await db.release.findUniqueOrThrow({ where: { id: original.id } })).publishAt).toEqual(at);
    // Earlier is fine.
    await transitionRelease(publisher, original.id, {
      action: "schedule",
      baseVersion: original.version,
      publishAt: new Date(at.getTime() - 60_000).toISOString(),
    });
  });
});

describe("who may touch translations", () => {
  it("lets every staff role create, link and confirm, and nobody without a session", async () => {
    for (const actor of [editor, publisher, admin]) {
      const original = await createDraft(publisher);
      const { id } = await translateRelease(actor, original.id, {
        action: "create",
        title: `By ${actor.role}`,
      });
      await translateRelease(actor, id, { action: "confirm" });
    }
    const original = await createDraft(publisher);
    const error = await refusal(
      translateRelease(null, original.id, { action: "create", title: "Anonymous" }),
    );
    expect(error.status).toBe(401);
    expect(await db.release.count({ where: { translatedFromId: original.id } })).toBe(0);
    await expect(getTranslationPanel(null, original.id)).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(listTranslationFlags(null, [original.id])).rejects.toMatchObject({
      code: "unauthenticated",
    });
  });
});

describe("out of date", () => {
  it("flags a translation once the original's figures change, not on other edits, until it is confirmed", async () => {
    const { original, translation } = await translatedPair();
    expect(await listTranslationFlags(editor, [original.id, translation.id])).toEqual({
      [original.id]: "current",
      [translation.id]: "isTranslation",
    });
    // A wording change of the original leaves the translation current.
    let live = await db.release.findUniqueOrThrow({ where: { id: original.id } });
    await saveRelease(publisher, original.id, {
      baseVersion: live.version,
      release: releaseInput({ slug: original.slug, title: "新标题" }),
      changeNote: { minor: true },
    });
    expect((await listTranslationFlags(editor, [translation.id]))[translation.id]).toBe("isTranslation");

    // 587 -> 588 by a publisher: live at once, and the translation is out of date.
    live = await db.release.findUniqueOrThrow({ where: { id: original.id } });
    const input = releaseInput({ slug: original.slug, title: "新标题" });
    (input.figures as Array<{ value: string }>)[0].value = "588";
    await saveRelease(publisher, original.id, {
      baseVersion: live.version,
      release: input,
      changeNote: { minor: false, kind: "correction", note: "更正签约项目数" },
    });
    expect(await listTranslationFlags(editor, [original.id, translation.id])).toEqual({
      [original.id]: "outdated",
      [translation.id]: "outdated",
    });
    expect((await listOutdatedTranslations(editor)).some((t) => t.id === translation.id)).toBe(true);
    const panel = await getTranslationPanel(editor, translation.id);
    expect(panel).toMatchObject({ kind: "translation", outdated: true });
    // The English page already states the new value: it reads the shared row.
    const found = await findEnglishRelease(translation.slug);
    if (!found || "redirectTo" in found) throw new Error("English release not found");
    expect(found.release.figures[0].display).toBe("588");

    await translateRelease(editor, translation.id, { action: "confirm" });
    expect((await listTranslationFlags(editor, [translation.id]))[translation.id]).toBe("isTranslation");
    expect((await listOutdatedTranslations(editor)).some((t) => t.id === translation.id)).toBe(false);
    expect(
      await db.auditLog.count({ where: { action: "release.translation_confirm", targetId: translation.id } }),
    ).toBe(1);
  });

  it("flags a public Chinese release without an English version as missing", async () => {
    const lone = await publish((await createDraft(publisher)).id);
    const draft = await createDraft(publisher);
    expect(await listTranslationFlags(editor, [lone.id, draft.id])).toEqual({ [lone.id]: "missing" });
  });
});

describe("the seeded English translation", () => {
  it("translates the 2023 results release, marked with the day translated, figures from the shared rows", async () => {
    await seedDatabase();
    await seedDatabase();
    const rows = await db.release.findMany({ where: { slug: "wmc-2023-results-en" } });
    expect(rows).toHaveLength(1);
    const original = await db.release.findUniqueOrThrow({ where: { slug: SEED_RELEASE_SLUG } });
    expect(rows[0]).toMatchObject({ locale: "en", translatedFromId: original.id });
    expect(rows[0].translatedAt?.toISOString()).toBe("2026-11-30T01:00:00.000Z");
    expect(await db.figure.count({ where: { releaseId: rows[0].id } })).toBe(0);
    const found = await findEnglishRelease("wmc-2023-results-en");
    if (!found || "redirectTo" in found) throw new Error("seeded English release not public");
    const byKey = Object.fromEntries(found.release.figures.map((f) => [f.key, f]));
    expect(found.release.figures).toHaveLength(50);
    expect(byKey.signed_investment.display).toBe("342.5 billion yuan");
    expect(byKey.guests.display).toBe("16,000");
    expect(byKey.guests.label).toBe("Guests and delegates");
    expect(byKey.visits_online.display).toBe("13.828 million visits");
    expect(byKey.visitors_offline.display).toBe("359,000 visits");
    expect(byKey.exhibition_area.display).toBe("80,000 square metres");
    expect(byKey.exhibited_products.display).toBe("more than 3,000");
    expect(byKey.total_coverage.display).toBe("about 48,000");
    expect(byKey.livestream_views.display).toBe("over 30 million visits");
    expect(found.release.body).not.toMatch(/[\u4e00-\u9fff]/);
    // Searchable from the seed on, not only after a server's start-up rebuilt missing documents.
    const searched = await searchPublicReleases({ q: "manufacturing convention", limit: 10 });
    expect(searched.hits.map((h) => h.slug)).toContain("wmc-2023-results-en");
    // The English feed lists its key figures in English punctuation, records in ASCII brackets.
    const feed = await loadFeedChannel(undefined, "en");
    const entry = feed?.entries.find((e) => e.url.endsWith("/en/releases/wmc-2023-results-en"));
    expect(entry?.contentHtml).toMatch(/<li><strong>16,000<\/strong> Guests and delegates \(/);
    expect(entry?.contentHtml).not.toMatch(/[（）]/);
    // A database seeded before English names existed gets them on the next start; a name set since is kept.
    await db.category.update({ where: { slug: "anhui" }, data: { nameEn: null } });
    await seedDatabase();
    expect((await db.category.findUniqueOrThrow({ where: { slug: "anhui" } })).nameEn).toBe("Anhui news");
    await db.category.update({ where: { slug: "anhui" }, data: { nameEn: "Anhui Province" } });
    await seedDatabase();
    expect((await db.category.findUniqueOrThrow({ where: { slug: "anhui" } })).nameEn).toBe("Anhui Province");
    await db.category.update({ where: { slug: "anhui" }, data: { nameEn: "Anhui news" } });
    expect(found.release.figures.every((f) => !/[\u4e00-\u9fff]/.test(`${f.label} ${f.display}`))).toBe(true);
  });
});
