// npm run search:reindex   rebuilds the search document of every release (lib/search/search-document.ts),
// 200 releases at a time. Safe while servers run: each batch is one statement, and saves keep
// their own documents current meanwhile.
import { connectDatabase } from "../lib/database/connect";
import { migrateDatabase } from "../lib/database/migrate";
import { runCli } from "./run-cli";

runCli(async () => {
  const database = await connectDatabase();
  try {
    process.env.DATABASE_URL = database.url;
    await migrateDatabase(database.url);
    const { reindexAllSearchDocuments } = await import("../lib/search/search-document");
    const started = Date.now();
    const { indexed } = await reindexAllSearchDocuments({
      onBatch: (done) => process.stdout.write(`\r${done} release(s) indexed`),
    });
    console.log(
      `\rIndexed ${indexed} release(s) for search in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
  } finally {
    await database.stop();
  }
});
