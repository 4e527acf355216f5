// npm run media:migrate -- --to s3   copies every image from MEDIA_DIR to MEDIA_S3_BUCKET, verifying each by SHA-256
// npm run media:migrate -- --to fs   the way back (from the bucket to MEDIA_DIR)
// Then set MEDIA_STORAGE to the target and restart the servers. A rerun copies only what is missing or different.
import { parseArgs } from "node:util";
import { connectDatabase } from "../lib/database/connect";
import { migrateDatabase } from "../lib/database/migrate";
import { runCli } from "./run-cli";

const USAGE = "Usage: npm run media:migrate -- --to s3|fs";

runCli(async () => {
  const { values } = parseArgs({ options: { to: { type: "string" } } });
  if (values.to !== "s3" && values.to !== "fs") throw new Error(USAGE);
  const target = values.to;
  const database = await connectDatabase();
  try {
    process.env.DATABASE_URL = database.url;
    await migrateDatabase(database.url);
    const { createMediaStorage } = await import("../lib/media/get-media-storage");
    const { migrateMedia } = await import("../lib/media/migrate-media");
    const from = createMediaStorage(target === "s3" ? "fs" : "s3");
    const to = createMediaStorage(target);
    const report = await migrateMedia(from, to, { log: (line) => console.log(line) });
    for (const { key, reason } of report.failed) console.error(`✖ ${key}: ${reason}`);
    console.log(
      `${report.copied.length} copied, ${report.alreadyPresent.length} already present, ${report.failed.length} failed (${from.kind} → ${to.kind}).`,
    );
    if (report.failed.length > 0)
      throw new Error(
        `${report.failed.length} image(s) not migrated: keep MEDIA_STORAGE as it is and rerun.`,
      );
  } finally {
    await database.stop();
  }
});
