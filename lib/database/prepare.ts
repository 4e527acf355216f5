import "server-only";
import { connectDatabase } from "./connect";
import type { RunningDatabase } from "./embedded";
import { migrateDatabase } from "./migrate";

/** The database ready for the app: reachable (or started), migrated and seeded. */
export async function prepareDatabase(log: (line: string) => void = console.log) {
  const database: RunningDatabase = await connectDatabase();
  process.env.DATABASE_URL = database.url;
  const migrations = await migrateDatabase(database.url);
  if (migrations.applied.length) log(`Applied ${migrations.applied.length} migration(s).`);
  const { seedDatabase } = await import("../seed/seed-database");
  const seed = await seedDatabase();
  // Releases written before search existed, or by a tool that bypassed the release mutations.
  const { reindexAllSearchDocuments } = await import("../search/search-document");
  const search = await reindexAllSearchDocuments({ onlyMissing: true });
  if (search.indexed) log(`Indexed ${search.indexed} release(s) for search.`);
  return { database, seed };
}
