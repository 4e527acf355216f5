-- What a search result's snippet is cut from, prepared when a document is written (lib/search/
-- search-document.ts): a search reads these short columns instead of the body and figure rows.
-- No backfill here (the normalised twins need opencc, in Node): the documents written before
-- this migration keep NULL until start-up rebuilds them (prepareDatabase:
-- reindexAllSearchDocuments({ onlyMissing: true }) takes documents whose "bodySnippet" is NULL),
-- or `npm run search:reindex`; until then their hits show the summary's snippet.
-- AlterTable
ALTER TABLE "search_document" ADD COLUMN     "bodySnippet" TEXT,
ADD COLUMN     "bodySnippetNormal" TEXT,
ADD COLUMN     "figureSnippet" TEXT,
ADD COLUMN     "figureSnippetNormal" TEXT,
ADD COLUMN     "summarySnippet" TEXT,
ADD COLUMN     "summarySnippetNormal" TEXT;

