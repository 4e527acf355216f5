import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { errorResponse, isDatabaseUnavailable, toAppError } from "@/lib/errors";
import { PrismaClient } from "@/lib/generated/prisma/client";

// A real client against a port nothing listens on: the errors are exactly what a stopped database gives.
const unreachable = new PrismaClient({
  adapter: new PrismaPg({
    connectionString: "postgresql://u:p@127.0.0.1:1/none",
    connectionTimeoutMillis: 2000,
  }),
});

const failure = (run: () => Promise<unknown>) =>
  run().then(
    () => {
      throw new Error("expected a failure");
    },
    (e: unknown) => e,
  );

describe("a database that is down", () => {
  it("is recognised from a model query, a transaction and a raw query alike", async () => {
    for (const run of [
      () => unreachable.release.findFirst(),
      () => unreachable.$transaction((tx) => tx.release.count()),
      () => unreachable.$queryRaw`SELECT 1`,
    ]) {
      expect(isDatabaseUnavailable(await failure(run))).toBe(true);
    }
  });

  it("answers 503 unavailable with Retry-After and says nothing was saved", async () => {
    const response = errorResponse(
      await failure(() => unreachable.release.create({ data: { slug: "x", title: "x" } })),
    );
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toEqual({
      error: { code: "unavailable", message: "数据库暂时不可用，内容未保存，请稍后再试" },
    });
  });

  it("is not confused with other errors", () => {
    expect(
      isDatabaseUnavailable(Object.assign(new Error("Unique constraint failed"), { code: "P2002" })),
    ).toBe(false);
    expect(toAppError(Object.assign(new Error("Unique constraint failed"), { code: "P2002" })).status).toBe(
      409,
    );
    expect(isDatabaseUnavailable(new Error("Can't reach database server"))).toBe(false);
  });
});
