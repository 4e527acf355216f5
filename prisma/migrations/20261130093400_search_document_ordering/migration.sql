-- AlterTable
ALTER TABLE "search_document" ADD COLUMN     "categoryId" UUID,
ADD COLUMN     "editionId" UUID,
ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'zh-CN',
ADD COLUMN     "publishAt" TIMESTAMPTZ(3),
ADD COLUMN     "status" "ReleaseStatus" NOT NULL DEFAULT 'draft';

-- CreateIndex
CREATE INDEX "search_document_publishAt_releaseId_idx" ON "search_document"("publishAt" DESC, "releaseId");


-- The copied columns follow the release in the same transaction, whoever writes it (the app's
-- transitions, the seed, bulk loaders, an operator's SQL): a document takes them from its release
-- when written, and a release passes changes of them on to its document.
CREATE FUNCTION "search_document_copy_release"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT r."publishAt", r."status", r."locale", r."categoryId", r."editionId"
    INTO NEW."publishAt", NEW."status", NEW."locale", NEW."categoryId", NEW."editionId"
    FROM "release" r WHERE r."id" = NEW."releaseId";
  RETURN NEW;
END $$;

CREATE TRIGGER "search_document_copy_release"
  BEFORE INSERT OR UPDATE ON "search_document"
  FOR EACH ROW EXECUTE FUNCTION "search_document_copy_release"();

CREATE FUNCTION "release_to_search_document"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "search_document" SET "indexedAt" = "indexedAt" WHERE "releaseId" = NEW."id";
  RETURN NULL;
END $$;

CREATE TRIGGER "release_to_search_document"
  AFTER UPDATE OF "publishAt", "status", "locale", "categoryId", "editionId" ON "release"
  FOR EACH ROW
  WHEN (OLD."publishAt" IS DISTINCT FROM NEW."publishAt" OR OLD."status" IS DISTINCT FROM NEW."status"
    OR OLD."locale" IS DISTINCT FROM NEW."locale" OR OLD."categoryId" IS DISTINCT FROM NEW."categoryId"
    OR OLD."editionId" IS DISTINCT FROM NEW."editionId")
  EXECUTE FUNCTION "release_to_search_document"();

-- Existing documents: the UPDATE fires the copy trigger.
UPDATE "search_document" SET "indexedAt" = "indexedAt";
