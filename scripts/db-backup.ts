// npm run db:backup [-- --out FILE] | npm run db:restore -- FILE
// The database (DATABASE_URL, or the embedded PostgreSQL, joined or started) and MEDIA_DIR.
import { getConfig } from "../lib/config";
import { backup, restore } from "../lib/database/backup";
import { connectDatabase } from "../lib/database/connect";
import { runCli } from "./run-cli";

runCli(async () => {
  const [command, ...args] = process.argv.slice(2);
  if (command !== "backup" && command !== "restore")
    throw new Error("Usage: npm run db:backup [-- --out FILE] | npm run db:restore -- FILE");
  const outIndex = args.indexOf("--out");
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const file =
    command === "backup"
      ? outIndex >= 0
        ? args[outIndex + 1]
        : `pressroom-backup-${stamp}.tar.gz`
      : args[0];
  if (!file)
    throw new Error(command === "backup" ? "--out needs a file name" : "Usage: npm run db:restore -- FILE");
  const database = await connectDatabase();
  try {
    const { mediaDir } = getConfig();
    if (command === "backup") {
      const result = await backup({ databaseUrl: database.url, mediaDir, out: file });
      console.log(
        `Backup written to ${result.file}${result.media ? " (database and media)" : " (database)"}.`,
      );
    } else {
      await restore({ databaseUrl: database.url, mediaDir, file });
      console.log(
        `Restored from ${file}. Restart the app servers so their caches start from the restored data.`,
      );
    }
  } finally {
    await database.stop();
  }
});
