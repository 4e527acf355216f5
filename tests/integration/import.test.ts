import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { createEdition } from "@/lib/editions/edition-mutations";
import { createEvent } from "@/lib/editions/event-mutations";
import { listEditionComparisons } from "@/lib/editions/queries";
import { toAppError } from "@/lib/errors";
import { createDraftFromImport, proposeImport } from "@/lib/import/import-release";
import { saveRelease } from "@/lib/releases/save-release";
import { transitionRelease } from "@/lib/releases/transition-release";
import { createDraft, createStaff } from "./staff";

let editor: Actor;
let publisher: Actor;
beforeAll(async () => {
  editor = await createStaff("editor");
  publisher = await createStaff("publisher");
});

// Fictional: a key this test registers, then a traditional-script text in another "year".
const key = `import_${crypto.randomBytes(4).toString("hex")}`;
const TEXT_2024 = `示例博览会${key}成果\n本届博览会共促成示例签约项目587个，投资总额3425亿元，其中示例制造业项目534个，均创历届之最。`;
const TEXT_2025 = `示例博覽會成果\n本屆博覽會共促成簽約示例項目612個。`;

const accept = (proposal: Awaited<ReturnType<typeof proposeImport>>) => ({
  release: proposal.release,
  editionId: null,
  figures: proposal.figures.filter((f) => f.confidence >= 0.5),
});

describe("import then save", () => {
  it("proposes, and nothing is written until the editor creates the draft", async () => {
    const before = await db.release.count();
    const proposal = await proposeImport(editor, { text: TEXT_2024 });
    expect(await db.release.count()).toBe(before);
    expect(proposal.figures.map((f) => [f.baseValue, f.baseUnit, f.isRecord])).toEqual([
      ["587", "个", true],
      ["342500000000", "元", true],
      ["534", "个", true],
    ]);
  });

  it("creates a draft with the accepted figures, their mention and sentence, through the editor's creation", async () => {
    const proposal = await proposeImport(editor, { text: TEXT_2024 });
    proposal.figures[0].key = key;
    const draft = await createDraftFromImport(editor, accept(proposal));
    const saved = await db.release.findUniqueOrThrow({
      where: { id: draft.id },
      include: { figures: { orderBy: { sortOrder: "asc" } }, revisions: true },
    });
    expect(saved).toMatchObject({ status: "draft", title: `示例博览会${key}成果`, createdById: editor.id });
    expect(saved.body).toContain("<p>本届博览会共促成示例签约项目587个");
    expect(saved.revisions).toHaveLength(1);
    expect(saved.figures.map((f) => [f.key, f.value.toString(), f.unit, f.mention, f.isRecord])).toEqual([
      [key, "587", "个", "587个", true],
      [proposal.figures[1].key, "3425", "亿元", "3425亿元", true],
      [proposal.figures[2].key, "534", "个", "534个", true],
    ]);
    expect(saved.figures[0].sourceText).toContain("共促成示例签约项目587个");
    expect(await db.auditLog.count({ where: { targetId: draft.id } })).toBeGreaterThan(0);
  });

  it("suggests the registry key for the same subject in traditional script, and records the new label as an alias", async () => {
    const proposal = await proposeImport(editor, { text: TEXT_2025 });
    expect(proposal.script).toBe("traditional");
    const figure = proposal.figures[0];
    expect(figure).toMatchObject({ key, keySource: "registry", baseValue: "612" });
    await createDraftFromImport(editor, accept(proposal));
    const entry = await db.figureKey.findUniqueOrThrow({ where: { key } });
    expect(entry.aliases).toContain(figure.label);
  });

  it("refuses a signed-out caller and a hostile draft, saving nothing", async () => {
    const proposal = await proposeImport(editor, { text: TEXT_2024 });
    await expect(createDraftFromImport(null, accept(proposal))).rejects.toMatchObject({
      code: "unauthenticated",
    });
    await expect(proposeImport(null, { text: TEXT_2024 })).rejects.toMatchObject({ code: "unauthenticated" });
    const before = await db.release.count();
    const hostile = accept(proposal);
    hostile.figures[0].value = "1e9";
    await expect(createDraftFromImport(editor, hostile)).rejects.toThrow();
    const tooMany = { ...accept(proposal), figures: Array.from({ length: 301 }, () => proposal.figures[0]) };
    await expect(createDraftFromImport(editor, tooMany)).rejects.toThrow();
    expect(await db.release.count()).toBe(before);
  });
});

describe("the draft's edition and category", () => {
  // Fictional: an event only this test knows, in a year no other test uses.
  const hex = crypto.randomBytes(4).toString("hex");
  const eventName = `虚构博览会${hex}`;
  // A subject no registry label resembles, so the key suggested for it is this test's own.
  const subject = Array.from(hex, (d) => "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳"[parseInt(d, 16)]).join("");
  const text = `2031${eventName}成果发布\n来源：示例日报\n本届${eventName}在虚构市举行，共建成${subject}驿站587个。`;
  const ownKey = `import_key_${hex}`;
  let eventId: string;
  let publishedSlug: string;
  let editionId: string;
  let categoryId: string;

  beforeAll(async () => {
    const event = await createEvent(publisher, { slug: `import-${hex}`, name: eventName });
    eventId = event.id;
    const edition = await createEdition(publisher, event.id, {
      year: 2031,
      startDate: "2031-05-10",
      endDate: "2031-05-12",
      city: "虚构市",
    });
    editionId = edition.id;
    const category = await db.category.create({
      data: { slug: `import-${hex}`, name: `示例日报${hex}`, sortOrder: 99 },
    });
    categoryId = category.id;
  });

  const importInto = (placement: Record<string, unknown>) =>
    proposeImport(editor, { text }).then((proposal) =>
      createDraftFromImport(editor, {
        release: proposal.release,
        // The key is this test's own, so later proposals of the same text find it in the registry.
        figures: proposal.figures.filter((f) => f.confidence >= 0.5).map((f) => ({ ...f, key: ownKey })),
        ...placement,
      }),
    );

  it("suggests the edition the text's year and event name point to, with the reason", async () => {
    const proposal = await proposeImport(editor, { text });
    expect(proposal.placement).toMatchObject({
      editionId,
      editionReason: `根据标题中的年份 2031、活动名称“${eventName}”、城市“虚构市”建议`,
      categoryId: null,
    });
    const named = await proposeImport(editor, { text: `${text}\n示例日报${hex}` });
    expect(named.placement).toMatchObject({
      categoryId,
      categoryReason: `稿件中出现分类名称“示例日报${hex}”`,
    });
  });

  it("creates the draft in the chosen edition and category; its figures belong to the edition", async () => {
    const draft = await importInto({ editionId, categoryId });
    const saved = await db.release.findUniqueOrThrow({ where: { id: draft.id }, include: { figures: true } });
    expect(saved).toMatchObject({ editionId, categoryId, status: "draft" });
    expect(saved.figures.map((f) => [f.value.toString(), f.editionId])).toEqual([["587", editionId]]);
  });

  it("proposes as key figures the keys that are key figures of a public release", async () => {
    const first = await proposeImport(editor, { text });
    expect(first.figures[0].highlighted).toBe(false);
    const draft = await createDraftFromImport(publisher, {
      release: first.release,
      editionId,
      figures: [{ ...first.figures[0], key: ownKey, highlighted: true }],
    });
    expect(await db.figure.findFirstOrThrow({ where: { releaseId: draft.id } })).toMatchObject({
      highlighted: true,
    });
    // A draft's key figures are nobody's yet: readers have not seen them.
    expect((await proposeImport(editor, { text })).figures[0]).toMatchObject({
      key: ownKey,
      highlighted: false,
    });
    await transitionRelease(publisher, draft.id, { action: "publish", baseVersion: draft.version });
    publishedSlug = draft.slug;
    expect((await proposeImport(editor, { text })).figures[0]).toMatchObject({
      key: ownKey,
      highlighted: true,
    });
  });

  it("import, save, publish, then the edition comparison: the event's earlier edition is compared", async () => {
    const earlier = await createEdition(publisher, eventId, {
      year: 2030,
      startDate: "2030-05-10",
      endDate: "2030-05-12",
      city: "虚构市",
    });
    const proposal = await proposeImport(editor, {
      text: text.replace("2031", "2030").replace("587个", "498个"),
    });
    const draft = await createDraftFromImport(publisher, {
      release: proposal.release,
      editionId: earlier.id,
      figures: [{ ...proposal.figures[0], highlighted: true }],
    });
    expect(proposal.figures[0]).toMatchObject({ key: ownKey, baseValue: "498" });
    await transitionRelease(publisher, draft.id, { action: "publish", baseVersion: draft.version });
    const comparisons = await listEditionComparisons(publishedSlug);
    expect(comparisons.map((c) => [c.key, c.points.map((p) => [p.edition.year, p.figure.display])])).toEqual([
      [ownKey, [[2030, "498个"]]],
    ]);
  });

  it("refuses an edition or category that does not exist or is no id, on its field, saving nothing", async () => {
    const before = await db.release.count();
    const missing = crypto.randomUUID();
    const refusals = await Promise.all(
      [
        { editionId: missing },
        { categoryId: missing },
        { editionId: missing, categoryId: missing },
        { editionId: "1; DROP TABLE release" },
        { editionId: "x".repeat(100_000) },
        { categoryId: 42 },
        { editionId: { id: editionId } },
      ].map((placement) => importInto(placement).then(() => null, toAppError)),
    );
    expect(refusals.map((e) => [e?.status, e?.details?.fields?.map((f) => f.path).sort()])).toEqual([
      [422, ["editionId"]],
      [422, ["categoryId"]],
      [422, ["categoryId", "editionId"]],
      [422, ["editionId"]],
      [422, ["editionId"]],
      [422, ["categoryId"]],
      [422, ["editionId"]],
    ]);
    expect(refusals[0]?.details?.fields).toEqual([
      { path: "editionId", message: "所选届次不存在，请重新选择" },
    ]);
    expect(refusals[1]?.details?.fields).toEqual([
      { path: "categoryId", message: "所选分类不存在，请重新选择" },
    ]);
    expect(await db.release.count()).toBe(before);
  });

  it("twenty concurrent imports, half into a missing edition: the good ones are created, the rest refused", async () => {
    const missing = crypto.randomUUID();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => importInto({ editionId: i % 2 ? missing : editionId })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    const refused = results.flatMap((r) => (r.status === "rejected" ? [toAppError(r.reason)] : []));
    expect(refused.map((e) => e.status)).toEqual(Array(10).fill(422));
    expect(await db.release.count({ where: { editionId: missing } })).toBe(0);
  });

  it("the editor's save refuses a missing edition the same way (422 on the field, not a 500)", async () => {
    const draft = await createDraft(editor);
    const error = await saveRelease(editor, draft.id, {
      baseVersion: draft.version,
      release: { title: draft.title, slug: draft.slug, editionId: crypto.randomUUID() },
    }).then(() => null, toAppError);
    expect(error?.status).toBe(422);
    expect(error?.details?.fields).toEqual([{ path: "editionId", message: "所选届次不存在，请重新选择" }]);
  });
});
