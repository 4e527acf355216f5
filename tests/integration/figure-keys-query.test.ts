import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { listFigureKeysForEditing } from "@/lib/figures/registry-queries";
import { createDraft, createStaff } from "./staff";

let editor: Actor;
beforeAll(async () => {
  editor = await createStaff("editor");
});

describe("the registry list behind the editor's key suggestions", () => {
  it("lists every key with its label, base unit and aliases, for anyone who edits releases", async () => {
    const key = `k_${crypto.randomBytes(4).toString("hex")}`;
    await createDraft(editor, {
      figures: [{ key, label: "参会嘉宾", value: "1.6", unit: "万名", mention: "1.6万名" }],
    });
    const keys = await listFigureKeysForEditing(editor);
    expect(keys.find((k) => k.key === key)).toEqual({ key, label: "参会嘉宾", baseUnit: "名", aliases: [] });
  });

  it("is refused without a session (the route answers 401)", async () => {
    const error = await listFigureKeysForEditing(null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("unauthenticated");
  });
});
