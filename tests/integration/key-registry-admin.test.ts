import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { toAppError, type AppError } from "@/lib/errors";
import { mergeFigureKeys, renameFigureKey, updateFigureKey } from "@/lib/figures/registry-mutations";
import { listFigureKeys } from "@/lib/figures/registry-queries";
import { createDraft, createStaff } from "./staff";

let publisher: Actor;
let editor: Actor;
beforeAll(async () => {
  [publisher, editor] = await Promise.all([createStaff("publisher"), createStaff("editor")]);
});

const freshKey = () => `k_${crypto.randomBytes(4).toString("hex")}`;
const figure = (key: string, unit: string, value = "12", over: Record<string, unknown> = {}) => ({
  key,
  label: "测试指标",
  value,
  unit,
  mention: `${value}${unit}`,
  ...over,
});
const entry = { label: "测试指标", labelEn: "Test", kind: "count", higherIsBetter: true };

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).not.toBeNull();
  return toAppError(error);
}

describe("editing the key registry", () => {
  it("edits label, English label, kind and direction; the base unit only while no figure uses the key", async () => {
    const unused = freshKey();
    await db.figureKey.create({ data: { key: unused, label: "未用", baseUnit: "个" } });
    await updateFigureKey(publisher, unused, { ...entry, kind: "money", baseUnit: "元" });
    expect(await db.figureKey.findUniqueOrThrow({ where: { key: unused } })).toMatchObject({
      label: "测试指标",
      labelEn: "Test",
      kind: "money",
      baseUnit: "元",
    });

    const used = freshKey();
    await createDraft(editor, { figures: [figure(used, "个")] });
    const error = await refusal(updateFigureKey(publisher, used, { ...entry, baseUnit: "元" }));
    expect(error.status).toBe(409);
    expect(error.message).toContain("已有 1 项数据");
    // The same unit again is no change, and the rest is saved.
    await updateFigureKey(publisher, used, { ...entry, higherIsBetter: false, baseUnit: "个" });
    expect((await db.figureKey.findUniqueOrThrow({ where: { key: used } })).higherIsBetter).toBe(false);

    expect((await refusal(updateFigureKey(publisher, used, { ...entry, baseUnit: "亿元" }))).status).toBe(
      422,
    );
    expect(
      (await refusal(updateFigureKey(publisher, used, { ...entry, label: "x".repeat(5000) }))).status,
    ).toBe(422);
    expect((await refusal(updateFigureKey(publisher, "no_such_key", entry))).status).toBe(404);
    expect((await refusal(updateFigureKey(publisher, "../../etc", entry))).status).toBe(404);
    expect((await refusal(updateFigureKey(editor, used, entry))).status).toBe(403);
  });

  it("renames a key: figures, part-of links and the audit follow", async () => {
    const whole = freshKey();
    const part = freshKey();
    const release = await createDraft(editor, {
      figures: [figure(whole, "个", "10"), figure(part, "个", "4", { partOfKey: whole })],
    });
    const renamed = freshKey();
    await renameFigureKey(publisher, whole, { to: renamed });
    const figures = await db.figure.findMany({
      where: { releaseId: release.id },
      orderBy: { sortOrder: "asc" },
    });
    expect(figures.map((f) => [f.key, f.partOfKey])).toEqual([
      [renamed, null],
      [part, renamed],
    ]);
    expect(await db.figureKey.findUnique({ where: { key: whole } })).toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "figure_key.rename", targetId: renamed },
    });
    expect(audit.details).toEqual({ from: whole, to: renamed });

    const taken = await refusal(renameFigureKey(publisher, renamed, { to: part }));
    expect(taken.status).toBe(409);
    expect(taken.message).toContain("合并");
    expect((await refusal(renameFigureKey(publisher, renamed, { to: "Bad Key" }))).status).toBe(422);
  });

  it("merges two keys: figures and labels move, the old key leaves the registry", async () => {
    const from = freshKey();
    const into = freshKey();
    const a = await createDraft(editor, { figures: [figure(from, "家")] });
    await createDraft(editor, { figures: [figure(into, "万家", "1")] });
    await db.figureKey.update({ where: { key: from }, data: { label: "参展企业", aliases: ["exhibitors"] } });
    const merged = await mergeFigureKeys(publisher, from, { into });
    expect(merged.aliases).toEqual(["参展企业", "exhibitors"]);
    expect((await db.figure.findFirstOrThrow({ where: { releaseId: a.id } })).key).toBe(into);
    expect(await db.figureKey.findUnique({ where: { key: from } })).toBeNull();
    const rows = await listFigureKeys(publisher);
    expect(rows.find((r) => r.key === into)?.figureCount).toBe(2);
  });

  it("refuses a merge when one release states both keys, naming the release, and changes nothing", async () => {
    const from = freshKey();
    const into = freshKey();
    const release = await createDraft(editor, { figures: [figure(from, "个"), figure(into, "个")] });
    const error = await refusal(mergeFigureKeys(publisher, from, { into }));
    expect(error.status).toBe(409);
    expect(error.message).toContain(`《${release.title}》`);
    expect(await db.figureKey.count({ where: { key: { in: [from, into] } } })).toBe(2);
  });

  it("refuses a merge of different base units and a merge into itself", async () => {
    const from = freshKey();
    const into = freshKey();
    await createDraft(editor, { figures: [figure(from, "个")] });
    await createDraft(editor, { figures: [figure(into, "亿元")] });
    const error = await refusal(mergeFigureKeys(publisher, from, { into }));
    expect(error.status).toBe(409);
    expect(error.message).toContain("“个”");
    expect(error.message).toContain("“元”");
    expect((await refusal(mergeFigureKeys(publisher, from, { into: from }))).status).toBe(422);
  });

  it("serialises crossing merges: a→b and b→a at once leave exactly one of the two keys", async () => {
    const a = freshKey();
    const b = freshKey();
    await createDraft(editor, { figures: [figure(a, "个")] });
    await createDraft(editor, { figures: [figure(b, "个")] });
    const results = await Promise.allSettled([
      mergeFigureKeys(publisher, a, { into: b }),
      mergeFigureKeys(publisher, b, { into: a }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.figureKey.count({ where: { key: { in: [a, b] } } })).toBe(1);
    expect(await db.figure.count({ where: { key: { in: [a, b] } } })).toBe(2);
  });
});
