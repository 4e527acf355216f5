import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { startWatchedLoopback, type WatchedLoopback } from "../fixtures/watched-loopback";

let watched: WatchedLoopback;
// The tags the watcher announced, in order (filled by the loopback receiver).
let announced: string[][];

beforeAll(async () => {
  watched = await startWatchedLoopback({ pollMs: 200 });
  announced = watched.announced;
  // The first tick only notes where the outbox stands, so a row written before it read is never
  // announced: write one per attempt until one is, and the watcher is past its first tick.
  const readyTags = new Set<string>();
  await vi.waitFor(
    async () => {
      if (!announced.flat().some((tag) => readyTags.has(tag))) {
        const ready = `ready-${crypto.randomUUID()}`;
        readyTags.add(ready);
        await db.cacheInvalidation.create({ data: { tags: [ready] } });
      }
      expect(announced.flat().some((tag) => readyTags.has(tag))).toBe(true);
    },
    { timeout: 10_000, interval: 250 },
  );
});

afterAll(() => watched?.stop());

describe("the cache invalidation watcher", () => {
  it("announces a change whose transaction commits after a later one (outbox ids commit out of order)", async () => {
    const slow = `slow-${crypto.randomUUID()}`;
    const fast = `fast-${crypto.randomUUID()}`;
    let commitSlow: () => void = () => {};
    let slowWritten: () => void = () => {};
    const slowRowWritten = new Promise<void>((resolve) => (slowWritten = resolve));
    // The slow transaction takes its id first and holds it uncommitted…
    const slowTransaction = db.$transaction(
      async (tx) => {
        await tx.cacheInvalidation.create({ data: { tags: [slow] } });
        slowWritten();
        await new Promise<void>((resolve) => (commitSlow = resolve));
      },
      { timeout: 20_000 },
    );
    await slowRowWritten;
    // …while a later one commits, and the watcher passes its (higher) id.
    await db.cacheInvalidation.create({ data: { tags: [fast] } });
    await expect.poll(() => announced.flat().includes(fast), { timeout: 10_000 }).toBe(true);
    commitSlow();
    await slowTransaction;
    await expect.poll(() => announced.flat().includes(slow), { timeout: 10_000 }).toBe(true);
  });

  it("keeps going past a jump of 50,000 unused ids (a large rolled-back write), tracking only the newest", async () => {
    await db.$queryRaw`SELECT nextval(pg_get_serial_sequence('cache_invalidation', 'id')) FROM generate_series(1, 50000)`;
    // Tracked one by one, the 50,000 skipped ids would be asked for on every later tick: those
    // ticks stall (measured: the next change was not announced within 25 s).
    for (const tag of [`after-jump-${crypto.randomUUID()}`, `next-${crypto.randomUUID()}`]) {
      await db.cacheInvalidation.create({ data: { tags: [tag] } });
      await expect.poll(() => announced.flat().includes(tag), { timeout: 10_000 }).toBe(true);
    }
  });

  it("announces each committed change once", async () => {
    const tag = `once-${crypto.randomUUID()}`;
    await db.cacheInvalidation.create({ data: { tags: [tag] } });
    await expect.poll(() => announced.flat().includes(tag), { timeout: 10_000 }).toBe(true);
    // Three more rows later: by then any repeat of the first would have been announced with them.
    const after = `after-${crypto.randomUUID()}`;
    await db.cacheInvalidation.create({ data: { tags: [after] } });
    await expect.poll(() => announced.flat().includes(after), { timeout: 10_000 }).toBe(true);
    expect(announced.flat().filter((t) => t === tag)).toHaveLength(1);
  });
});
