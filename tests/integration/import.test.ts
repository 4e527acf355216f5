import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { createDraftFromImport, proposeImport } from "@/lib/import/import-release";
import { createStaff } from "./staff";

let editor: Actor;
beforeAll(async () => {
  editor = await createStaff("editor");
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
