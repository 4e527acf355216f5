-- DropIndex
DROP INDEX "figure_key_idx";

-- CreateIndex
CREATE INDEX "figure_key_releaseId_id_idx" ON "figure"("key", "releaseId", "id");

