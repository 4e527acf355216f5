import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createDraft, createStaff, releaseInput } from "./staff";

let editor: Actor;
beforeAll(async () => {
  editor = await createStaff("editor");
});

const freshKey = () => `k_${crypto.randomBytes(4).toString("hex")}`;
const figure = (key: string, unit: string, value = "12") => ({
  key,
  label: "测试指标",
  value,
  unit,
  mention: `${value}${unit}`,
});

describe("the figure key registry", () => {
  it("gets an entry for a new key from the first figure saved with it, its kind from the base unit", async () => {
    const key = freshKey();
    await createDraft(editor, releaseInput({ figures: [figure(key, "亿元", "3425")] }));
    const entry = await db.figureKey.findUniqueOrThrow({ where: { key } });
    expect(entry).toMatchObject({ label: "测试指标", baseUnit: "元", kind: "money", higherIsBetter: true });
  });

  it("refuses a figure whose base unit differs from its key's, naming both units, and saves nothing", async () => {
    const key = freshKey();
    await createDraft(editor, releaseInput({ figures: [figure(key, "个")] }));
    const input = releaseInput({ figures: [figure(key, "万人次", "1.6")] });
    const error = await createDraft(editor, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("validation_failed");
    expect((error as AppError).message).toContain("“个”");
    expect((error as AppError).message).toContain("“人次”");
    expect((error as AppError).details?.fields?.[0]?.path).toBe("figures.0.unit");
    expect(await db.release.findUnique({ where: { slug: input.slug } })).toBeNull();
  });

  it("accepts another scale of the same base unit (万个 and 个 compare)", async () => {
    const key = freshKey();
    await createDraft(editor, releaseInput({ figures: [figure(key, "个")] }));
    await expect(
      createDraft(editor, releaseInput({ figures: [figure(key, "万个", "2")] })),
    ).resolves.toBeTruthy();
  });

  it("registers a key once when ten drafts with it are saved at the same time", async () => {
    const key = freshKey();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => createDraft(editor, releaseInput({ figures: [figure(key, "家")] }))),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await db.figureKey.count({ where: { key } })).toBe(1);
  });
});
