import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { flushViews, pendingViews, recordView } from "@/lib/releases/record-view";
import { createRelease } from "./factories";

const stored = async (id: string) => (await db.release.findUniqueOrThrow({ where: { id } })).viewCount;

describe("view counter", () => {
  it("counts 100 beacons from one address once", async () => {
    const release = await createRelease();
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => recordView(release.slug, "198.51.100.7")),
    );
    expect(new Set(answers)).toEqual(new Set([1]));
    await flushViews();
    expect(await stored(release.id)).toBe(1);
    // Still the same hour: a reload counts nothing.
    expect(await recordView(release.slug, "198.51.100.7")).toBe(1);
    await flushViews();
    expect(await stored(release.id)).toBe(1);
  });

  it("adds views up in memory and writes them in one flush, without moving updatedAt", async () => {
    const release = await createRelease();
    const before = await db.release.findUniqueOrThrow({ where: { id: release.id } });
    const other = await createRelease();
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => recordView(release.slug, `192.0.2.${i}`)),
    );
    await Promise.all(Array.from({ length: 7 }, (_, i) => recordView(other.slug, `192.0.2.${i}`)));
    // Nothing written per view: the row is untouched until the flush.
    expect(await stored(release.id)).toBe(0);
    expect(pendingViews()).toBeGreaterThanOrEqual(67);
    expect(Math.max(...answers.map(Number))).toBe(60);

    await flushViews();
    expect(await stored(release.id)).toBe(60);
    expect(await stored(other.id)).toBe(7);
    expect((await db.release.findUniqueOrThrow({ where: { id: release.id } })).updatedAt).toEqual(
      before.updatedAt,
    );
    // Flushed counts are not written twice.
    await flushViews();
    expect(await stored(release.id)).toBe(60);
  });

  it("concurrent flushes and views lose nothing", async () => {
    const release = await createRelease();
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 200; i++) {
      work.push(recordView(release.slug, `10.9.${Math.floor(i / 100)}.${i % 100}`));
      if (i % 40 === 0) work.push(flushViews());
    }
    const answers = (await Promise.all(work)).filter((a): a is number => typeof a === "number");
    await flushViews();
    expect(await stored(release.id)).toBe(200);
    // Every view got a count, and the last one saw all 200 (a count read during a flush is read again).
    expect(answers.length).toBe(200);
    expect(Math.max(...answers)).toBe(200);
  });

  it("never counts a release that is not public", async () => {
    const draft = await createRelease({ status: "draft" });
    expect(await recordView(draft.slug, "198.51.100.8")).toBeNull();
    expect(await recordView("no-such-release-anywhere", "198.51.100.8")).toBeNull();
    await flushViews();
    expect(await stored(draft.id)).toBe(0);
  });
});
