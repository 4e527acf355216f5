-- AlterTable
ALTER TABLE "category" ADD COLUMN     "nameEn" TEXT;

