-- AlterTable
ALTER TABLE "release" ADD COLUMN     "figuresChangedAt" TIMESTAMPTZ(3),
ADD COLUMN     "translatedAt" TIMESTAMPTZ(3),
ADD COLUMN     "translatedFromId" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "release_translatedFromId_locale_key" ON "release"("translatedFromId", "locale");

-- AddForeignKey
ALTER TABLE "release" ADD CONSTRAINT "release_translatedFromId_fkey" FOREIGN KEY ("translatedFromId") REFERENCES "release"("id") ON DELETE SET NULL ON UPDATE CASCADE;

