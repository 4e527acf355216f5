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

