import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { recordPublicChange } from "@/lib/publication/public-change";
import { startWatchedLoopback, type WatchedLoopback } from "../fixtures/watched-loopback";

// A watcher whose poll is ten minutes away: whatever it announces within a few seconds, it was told
// of by the database's notification (recordPublicChange's pg_notify), not found by polling.
const POLL_MS = 600_000;
let watched: WatchedLoopback;
let announced: string[][];

/** The backend of the watcher's listening connection (its last statement is the LISTEN). */
async function listenerPids(): Promise<number[]> {
  const rows = await db.$queryRaw<Array<{ pid: number }>>`
    SELECT pid FROM pg_stat_activity
    WHERE datname = current_database() AND query LIKE 'LISTEN pressroom_public_change%'`;
  return rows.map((r) => r.pid);
}

beforeAll(async () => {
  watched = await startWatchedLoopback({ pollMs: POLL_MS });
  announced = watched.announced;
  await vi.waitFor(async () => expect(await listenerPids()).toHaveLength(1), { timeout: 10_000 });
});

afterAll(() => watched?.stop());

const change = (tag: string) => db.$transaction((tx) => recordPublicChange(tx, [tag]));

describe("the cache watcher woken by the database", () => {
  it("announces a committed change at once, long before its next poll", async () => {
    const tag = `notified-${crypto.randomUUID()}`;
    await change(tag);
    await expect.poll(() => announced.flat().includes(tag), { timeout: 5_000 }).toBe(true);
  });

  it("hears nothing of a rolled-back change, and still announces the next committed one", async () => {
    const rolledBack = `rolled-back-${crypto.randomUUID()}`;
    await expect(
      db.$transaction(async (tx) => {
        await recordPublicChange(tx, [rolledBack]);
        throw new Error("rolled back on purpose");
      }),
    ).rejects.toThrow("rolled back on purpose");
    const committed = `committed-${crypto.randomUUID()}`;
    await change(committed);
    await expect.poll(() => announced.flat().includes(committed), { timeout: 5_000 }).toBe(true);
    expect(announced.flat()).not.toContain(rolledBack);
  });

  it("listens again after its connection is killed, and catches up on what changed meanwhile", async () => {
    const [pid] = await listenerPids();
    await db.$queryRaw`SELECT pg_terminate_backend(${pid}::int)`;
    // Committed while nobody listens: read from the outbox once the watcher listens again.
    const meanwhile = `meanwhile-${crypto.randomUUID()}`;
    await change(meanwhile);
    await expect
      .poll(async () => (await listenerPids()).filter((other) => other !== pid), { timeout: 10_000 })
      .toHaveLength(1);
    await expect.poll(() => announced.flat().includes(meanwhile), { timeout: 10_000 }).toBe(true);
    const after = `after-reconnect-${crypto.randomUUID()}`;
    await change(after);
    await expect.poll(() => announced.flat().includes(after), { timeout: 5_000 }).toBe(true);
  });

  it("a burst of changes from concurrent transactions is announced in full", async () => {
    const tags = Array.from({ length: 20 }, (_, i) => `burst-${i}-${crypto.randomUUID()}`);
    await Promise.all(tags.map(change));
    await expect
      .poll(() => tags.filter((t) => !announced.flat().includes(t)), { timeout: 10_000 })
      .toEqual([]);
  });
});
