import "server-only";
import { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { publicReleaseSql } from "../publication/visibility-sql";

// Which release speaks for an edition, chosen in SQL so only the chosen rows leave the database
// (at 10,000 releases the editions pages otherwise loaded up to 350,000 figure rows to keep a few
// hundred). The rule is seriesPoints' and headlineOf's: the edition's results release first, then
// the newest public one; the release id only makes ties (same moment) stable.
const representativeOrder = Prisma.sql`r."isEditionResults" DESC, r."publishAt" DESC, r.id DESC`;

/**
 * One figure per (edition, key) among public releases that belong to an edition: the ids of the
 * rows seriesPoints would keep. `eventId`/`exceptEditionId` narrow it to the other editions of an event.
 */
export async function representativeFigureIds(
  keys: string[],
  scope: { eventId?: string; exceptEditionId?: string } = {},
): Promise<string[]> {
  if (!keys.length) return [];
  const event = scope.eventId
    ? Prisma.sql`AND r."editionId" IN (SELECT e.id FROM "edition" e WHERE e."eventId" = ${scope.eventId}::uuid)`
    : Prisma.empty;
  const except = scope.exceptEditionId
    ? Prisma.sql`AND r."editionId" <> ${scope.exceptEditionId}::uuid`
    : Prisma.empty;
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT DISTINCT ON (f.key, r."editionId") f.id
    FROM "figure" f JOIN "release" r ON r.id = f."releaseId"
    WHERE f.key IN (${Prisma.join(keys)}) AND r."editionId" IS NOT NULL AND ${publicReleaseSql("r")}
      ${event} ${except}
    ORDER BY f.key, r."editionId", ${representativeOrder}`;
  return rows.map((r) => r.id);
}

/** Per edition, the Chinese public release whose key figures stand for it (headlineOf's rule). */
export async function headlineReleaseIds(): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT DISTINCT ON (r."editionId") r.id
    FROM "release" r
    WHERE r."editionId" IS NOT NULL AND r.locale = 'zh-CN' AND ${publicReleaseSql("r")}
      AND EXISTS (SELECT 1 FROM "figure" f WHERE f."releaseId" = r.id AND f.highlighted)
    ORDER BY r."editionId", ${representativeOrder}`;
  return rows.map((r) => r.id);
}
