import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { loadPublicIndex, publicPathKnown } from "@/lib/releases/public-index";
import { transitionRelease } from "@/lib/releases/transition-release";
import { createDraft, createStaff } from "./staff";

let editor: Actor;
let publisher: Actor;
beforeAll(async () => {
  editor = await createStaff("editor");
  publisher = await createStaff("publisher");
});

describe("the proxy's index of public addresses", () => {
  it("knows a release published right after it was loaded (no 404 inside the recheck interval)", async () => {
    const draft = await createDraft(editor);
    await loadPublicIndex();
    expect(await publicPathKnown(`/releases/${draft.slug}`)).toBe(false);
    await transitionRelease(publisher, draft.id, { action: "publish", baseVersion: draft.version });
    expect(await publicPathKnown(`/releases/${draft.slug}`)).toBe(true);
  });

  it("still refuses an unknown address without reloading again and again after a change", async () => {
    await loadPublicIndex();
    expect(await publicPathKnown("/releases/no-such-release-anywhere")).toBe(false);
    expect(await publicPathKnown("/releases/no-such-release-anywhere-2")).toBe(false);
  });
});
