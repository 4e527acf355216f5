import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { ReleaseStatus } from "@/lib/generated/prisma/enums";
import { isPublic, publicReleaseWhere } from "@/lib/publication/visibility";
import { publicReleaseSql } from "@/lib/publication/visibility-sql";
import { createRelease } from "./factories";

const now = new Date();
const past = new Date(now.getTime() - 60_000);
const future = new Date(now.getTime() + 3600_000);

// [status, publishAt, public?]
const CASES: Array<[ReleaseStatus, Date | null, boolean]> = [
  ["published", past, true],
  ["published", future, false],
  ["published", null, false],
  ["scheduled", past, true],
  ["scheduled", future, false],
  ["scheduled", null, false],
  ["draft", past, false],
  ["draft", null, false],
  ["in_review", past, false],
  ["archived", past, false],
  ["archived", null, false],
];

describe("the one definition of public", () => {
  it("gives the same answer as a Prisma filter, as SQL and as a predicate, for every case", async () => {
    const rows = await Promise.all(CASES.map(([status, publishAt]) => createRelease({ status, publishAt })));
    const ids = rows.map((r) => r.id);
    const viaPrisma = new Set(
      (
        await db.release.findMany({
          where: { AND: [{ id: { in: ids } }, publicReleaseWhere(now)] },
          select: { id: true },
        })
      ).map((r) => r.id),
    );
    const viaSql = new Set(
      (
        await db.$queryRaw<
          Array<{ id: string }>
        >`SELECT r.id::text AS id FROM release r WHERE r.id = ANY(${ids}::uuid[]) AND ${publicReleaseSql("r", now)}`
      ).map((r) => r.id),
    );
    CASES.forEach(([status, publishAt, expected], i) => {
      const label = `${status} ${publishAt === past ? "past" : publishAt === future ? "future" : "null"}`;
      expect({ label, prisma: viaPrisma.has(ids[i]) }).toEqual({ label, prisma: expected });
      expect({ label, sql: viaSql.has(ids[i]) }).toEqual({ label, sql: expected });
      expect({ label, predicate: isPublic({ status, publishAt }, now) }).toEqual({
        label,
        predicate: expected,
      });
    });
  });

  it("the SQL form on the database clock agrees with the JS clock", async () => {
    const row = await createRelease({ status: "scheduled", publishAt: past });
    const found = await db.$queryRaw<
      Array<{ id: string }>
    >`SELECT id::text AS id FROM release WHERE id = ${row.id}::uuid AND ${publicReleaseSql()}`;
    expect(found).toHaveLength(1);
  });
});
