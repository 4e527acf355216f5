-- CreateTable
CREATE TABLE "search_document" (
    "releaseId" UUID NOT NULL,
    "titleVector" tsvector NOT NULL,
    "summaryVector" tsvector NOT NULL,
    "figureVector" tsvector NOT NULL,
    "allVector" tsvector NOT NULL,
    "indexedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "search_document_pkey" PRIMARY KEY ("releaseId")
);

-- CreateIndex
CREATE INDEX "search_document_titleVector_idx" ON "search_document" USING GIN ("titleVector");

-- CreateIndex
CREATE INDEX "search_document_summaryVector_idx" ON "search_document" USING GIN ("summaryVector");

-- CreateIndex
CREATE INDEX "search_document_figureVector_idx" ON "search_document" USING GIN ("figureVector");

-- CreateIndex
CREATE INDEX "search_document_allVector_idx" ON "search_document" USING GIN ("allVector");

-- AddForeignKey
ALTER TABLE "search_document" ADD CONSTRAINT "search_document_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "release"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Search reads only the GIN indexes and the narrow row (lib/search/search-releases.ts): every
-- vector goes out of line once a row passes 128 bytes, so the row scans that fetch ids stay small.
ALTER TABLE "search_document" SET (toast_tuple_target = 128);
