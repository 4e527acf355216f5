-- CreateEnum
CREATE TYPE "FigureKind" AS ENUM ('count', 'money', 'area', 'percent', 'visits', 'other');

-- AlterTable
ALTER TABLE "edition" ADD COLUMN     "signOffRequired" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "release" ADD COLUMN     "isEditionResults" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "figure" ADD COLUMN     "labelEn" TEXT,
ADD COLUMN     "partsComplete" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "shareOfKey" TEXT;

-- CreateTable
CREATE TABLE "figure_key" (
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "labelEn" TEXT,
    "baseUnit" TEXT NOT NULL,
    "kind" "FigureKind" NOT NULL DEFAULT 'count',
    "higherIsBetter" BOOLEAN NOT NULL DEFAULT true,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "figure_key_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "figure_sign_off" (
    "id" UUID NOT NULL,
    "releaseId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "value" DECIMAL(24,6) NOT NULL,
    "unit" TEXT NOT NULL,
    "qualifier" "FigureQualifier" NOT NULL,
    "userId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "figure_sign_off_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "figure_sign_off_releaseId_key_key" ON "figure_sign_off"("releaseId", "key");

-- Backfill: every key already in use becomes a registry entry (label and base unit of its
-- most recent figure; kind from the base unit), so the foreign key below holds.
INSERT INTO "figure_key" ("key", "label", "baseUnit", "kind", "updatedAt")
SELECT DISTINCT ON (f."key") f."key", f."label", f."baseUnit",
  (CASE f."baseUnit" WHEN '%' THEN 'percent' WHEN '元' THEN 'money' WHEN '平方米' THEN 'area'
     WHEN '人次' THEN 'visits' ELSE 'count' END)::"FigureKind",
  CURRENT_TIMESTAMP
FROM "figure" f JOIN "release" r ON r."id" = f."releaseId"
ORDER BY f."key", r."createdAt" DESC;

-- AddForeignKey
ALTER TABLE "figure" ADD CONSTRAINT "figure_key_fkey" FOREIGN KEY ("key") REFERENCES "figure_key"("key") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "figure_sign_off" ADD CONSTRAINT "figure_sign_off_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "release"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "figure_sign_off" ADD CONSTRAINT "figure_sign_off_key_fkey" FOREIGN KEY ("key") REFERENCES "figure_key"("key") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "figure_sign_off" ADD CONSTRAINT "figure_sign_off_userId_fkey" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

