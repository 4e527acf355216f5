-- AlterTable
ALTER TABLE "release" ADD COLUMN     "pendingReturnNote" TEXT,
ADD COLUMN     "pendingRevisionId" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "release_pendingRevisionId_key" ON "release"("pendingRevisionId");

-- AddForeignKey
ALTER TABLE "release" ADD CONSTRAINT "release_pendingRevisionId_fkey" FOREIGN KEY ("pendingRevisionId") REFERENCES "revision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

