-- DropIndex
DROP INDEX "release_categoryId_publishAt_idx";

-- AlterTable
ALTER TABLE "release" ADD COLUMN     "synthetic" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "release_publishAt_id_status_idx" ON "release"("publishAt" DESC, "id" DESC, "status");

-- CreateIndex
CREATE INDEX "release_categoryId_publishAt_id_status_idx" ON "release"("categoryId", "publishAt" DESC, "id" DESC, "status");

-- CreateIndex
CREATE INDEX "release_editionId_publishAt_idx" ON "release"("editionId", "publishAt" DESC);


-- Written by hand (Prisma's schema cannot express a partial index; a later `db:diff` compares
-- schema with schema and leaves it alone): the key figures and records shown beside every release
-- of a list, without reading its other figures. Prisma sends `"highlighted" = true OR "isRecord" =
-- true`, which PostgreSQL proves implies this predicate (tests/integration/query-plans.test.ts).
-- The release lists use plain indexes: Prisma casts the statuses (CAST($1::text AS "ReleaseStatus")),
-- which the planner cannot fold, so no partial index on the status would ever be chosen.
CREATE INDEX "figure_summary_idx" ON "figure"("releaseId", "sortOrder")
  WHERE "highlighted" OR "isRecord";
