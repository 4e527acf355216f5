-- DropIndex
DROP INDEX "release_publishAt_id_status_idx";

-- DropIndex
DROP INDEX "release_categoryId_publishAt_id_status_idx";

-- CreateIndex
CREATE INDEX "release_publishAt_id_status_locale_idx" ON "release"("publishAt" DESC, "id" DESC, "status", "locale");

-- CreateIndex
CREATE INDEX "release_categoryId_publishAt_id_status_locale_idx" ON "release"("categoryId", "publishAt" DESC, "id" DESC, "status", "locale");

