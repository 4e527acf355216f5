-- AlterTable
ALTER TABLE "release" ADD COLUMN     "synthetic" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "release_editionId_publishAt_idx" ON "release"("editionId", "publishAt" DESC);


-- Partial indexes Prisma's schema cannot express (written by hand; a later `db:diff` compares
-- schema with schema and leaves them alone). Each one is what the EXPLAIN test
-- (tests/integration/query-plans.test.ts) requires at 10,000 releases and 500,000 figures.

-- The public lists newest first: /releases and its pages, /api/releases (first page and cursor),
-- home, feeds and the sitemaps. The predicate is the status half of "public"
-- (lib/publication/visibility.ts); "publishAt" <= now() is the index's own range, and the order
-- ("publishAt" DESC, id DESC) is the lists' order, so a page is read in order and stops early.
CREATE INDEX "release_public_newest_idx" ON "release"("publishAt" DESC, "id" DESC)
  WHERE "status" IN ('published', 'scheduled');

-- The same for one category (category pages, their feeds, /api/releases?category=).
CREATE INDEX "release_category_public_newest_idx" ON "release"("categoryId", "publishAt" DESC, "id" DESC)
  WHERE "status" IN ('published', 'scheduled');

-- The key figures and records shown beside every release in a list (12 releases x 50 figures
-- would otherwise be read to keep a handful).
CREATE INDEX "figure_summary_idx" ON "figure"("releaseId", "sortOrder")
  WHERE "highlighted" OR "isRecord";
