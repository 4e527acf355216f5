import { describe, expect, it } from "vitest";
import { clearDraftCopies, draftCopyKey, readDraftCopy } from "@/components/admin/draft-copies";

/** A Storage as the browser's localStorage behaves. */
function memoryStorage(entries: Record<string, string> = {}): Storage {
  const map = new Map(Object.entries(entries));
  return {
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    clear: () => map.clear(),
  };
}

describe("the editor's browser copies", () => {
  it("another person's copies go when someone else opens an editor; the owner's stay for the next sign-in", () => {
    const storage = memoryStorage({
      [draftCopyKey("alice", "r1")]: "{}",
      [draftCopyKey("alice", "r2")]: "{}",
      [draftCopyKey("bob", "r1")]: "{}",
      "pressroom:draft:r9": "{}",
      "pressroom:font-size": "large",
    });
    clearDraftCopies(storage, "bob");
    expect(Array.from({ length: storage.length }, (_, i) => storage.key(i)).sort()).toEqual([
      draftCopyKey("bob", "r1"),
      "pressroom:font-size",
    ]);
    clearDraftCopies(storage);
    expect(storage.getItem(draftCopyKey("bob", "r1"))).toBeNull();
    expect(storage.getItem("pressroom:font-size")).toBe("large");
  });

  it("a corrupt copy is dropped instead of breaking the editor", () => {
    const storage = memoryStorage({ [draftCopyKey("bob", "r1")]: "{not json" });
    expect(readDraftCopy(storage, draftCopyKey("bob", "r1"))).toBeNull();
    expect(storage.getItem(draftCopyKey("bob", "r1"))).toBeNull();
  });
});
