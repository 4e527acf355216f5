-- AlterTable
ALTER TABLE "release" ADD COLUMN     "statedPublishAt" TIMESTAMPTZ(3);

