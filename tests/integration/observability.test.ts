import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { startInvalidationWatcher } from "@/lib/cache/invalidation-watcher";
import { authenticate, SignInRefused } from "@/lib/auth/authenticate";
import { db } from "@/lib/db";
import { recordPoolUse } from "@/lib/observability/db-metrics";
import {
  dbPoolConnections,
  dbQueryErrors,
  scheduledPublishLag,
  scheduledReleasesDue,
  scheduledReleasesPublished,
  signInFailures,
} from "@/lib/observability/metrics";
import { msSinceWatcherTick } from "@/lib/observability/watcher-heartbeat";
import { createRelease } from "./factories";
import { createStaff } from "./staff";

const valueOf = async (
  metric: { get: () => Promise<{ values: Array<{ labels: object; value: number }> }> },
  labels: object = {},
) => (await metric.get()).values.find((v) => JSON.stringify(v.labels) === JSON.stringify(labels))?.value ?? 0;

describe("metrics counted by the domain and the database client", () => {
  it("counts refused sign-ins as invalid, then locked, as the account lock sets in", async () => {
    const user = await createStaff("editor");
    const invalidBefore = await valueOf(signInFailures, { reason: "invalid" });
    const lockedBefore = await valueOf(signInFailures, { reason: "locked" });
    const reasons: string[] = [];
    // One address per attempt, so only the account lock (not the address limit) answers.
    for (let i = 0; i < 8; i++)
      reasons.push(
        await authenticate({ email: user.email, password: "wrong-password", ip: `10.88.0.${i + 1}` }).then(
          () => "accepted",
          (e: unknown) => (e instanceof SignInRefused ? e.reason : "error"),
        ),
      );
    const invalid = reasons.filter((r) => r === "invalid").length;
    const locked = reasons.filter((r) => r === "locked").length;
    expect(invalid).toBeGreaterThan(0);
    expect(locked).toBeGreaterThan(0);
    // Other test files sign in concurrently: at least this test's refusals were counted.
    expect((await valueOf(signInFailures, { reason: "invalid" })) - invalidBefore).toBeGreaterThanOrEqual(
      invalid,
    );
    expect((await valueOf(signInFailures, { reason: "locked" })) - lockedBefore).toBeGreaterThanOrEqual(
      locked,
    );
  });

  it("counts failed queries through Prisma and reports the pool's connections", async () => {
    const before = await valueOf(dbQueryErrors);
    await expect(db.$queryRawUnsafe("SELECT * FROM no_such_table")).rejects.toThrow();
    await expect(db.$queryRawUnsafe("SELECT 1 / 0")).rejects.toThrow();
    expect((await valueOf(dbQueryErrors)) - before).toBeGreaterThanOrEqual(2);
    await db.$queryRaw`SELECT 1`;
    recordPoolUse();
    expect(await valueOf(dbPoolConnections, { state: "total" })).toBeGreaterThan(0);
  });
});

describe("the cache watcher's metrics and heartbeat", () => {
  it("counts a scheduled release coming due and the lag until this server refreshed it", async () => {
    process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0123456789";
    // Stands in for the app's internal revalidate route: it accepts every refresh.
    const refreshed: string[] = [];
    const app = http.createServer((req, res) => {
      req.on("data", (chunk: Buffer) => refreshed.push(chunk.toString()));
      req.on("end", () => res.end("{}"));
    });
    await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
    const port = (app.address() as AddressInfo).port;
    const due = await valueOf(scheduledReleasesDue);
    const published = await valueOf(scheduledReleasesPublished);
    const lagCount = async () =>
      (await scheduledPublishLag.get()).values.find(
        (v) => v.metricName === "pressroom_scheduled_publish_lag_seconds_count",
      )?.value ?? 0;
    const lagsBefore = await lagCount();
    const stop = startInvalidationWatcher({ port, pollMs: 200, refreshOnStart: false });
    try {
      await expect.poll(() => msSinceWatcherTick() ?? Infinity, { timeout: 10_000 }).toBeLessThan(5000);
      await createRelease({ publishAt: new Date(Date.now() + 1500) });
      await expect
        .poll(async () => (await valueOf(scheduledReleasesPublished)) - published, { timeout: 15_000 })
        .toBeGreaterThanOrEqual(1);
      expect((await valueOf(scheduledReleasesDue)) - due).toBeGreaterThanOrEqual(1);
      expect((await lagCount()) - lagsBefore).toBeGreaterThanOrEqual(1);
      expect(refreshed.join("")).toContain("releases");
    } finally {
      stop();
      app.close();
    }
  });
});
