import "server-only";
import crypto from "node:crypto";
import { db } from "../db";
import type { MediaStorage } from "./media-storage";

export interface MediaMigrationReport {
  /** Keys written to the target and read back with the source's SHA-256. */
  copied: string[];
  /** Keys the target already held with the source's SHA-256 (a rerun copies nothing twice). */
  alreadyPresent: string[];
  failed: Array<{ key: string; reason: string }>;
}

// Far above any upload the app accepts: a migration copies what is there, it does not judge it.
const MIGRATION_MAX_BYTES = 1024 * 1024 * 1024;
const CONTENT_ADDRESS = /^([0-9a-f]{64})\.[a-z0-9]+$/;

async function sha256Of(storage: MediaStorage, key: string): Promise<string | null> {
  const object = await storage.get(key);
  if (!object) return null;
  const hash = crypto.createHash("sha256");
  for await (const chunk of object.body) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/**
 * Copies every stored image from one media storage to another and proves each copy by reading it
 * back and comparing SHA-256 digests with the source (and, for content-addressed keys, with the
 * name). Objects are streamed one at a time; keys stay as they are, so the media rows need no
 * change and the app can switch MEDIA_STORAGE once the report shows no failure.
 */
export async function migrateMedia(
  from: MediaStorage,
  to: MediaStorage,
  options: { ids?: string[]; log?: (line: string) => void } = {},
): Promise<MediaMigrationReport> {
  const rows = await db.media.findMany({
    where: {
      storagePath: { not: null },
      mimeType: { not: null },
      ...(options.ids ? { id: { in: options.ids } } : {}),
    },
    select: { storagePath: true, mimeType: true },
    orderBy: { createdAt: "asc" },
  });
  const objects = new Map(rows.map((row) => [row.storagePath!, row.mimeType!]));
  const report: MediaMigrationReport = { copied: [], alreadyPresent: [], failed: [] };
  const log = options.log ?? (() => {});

  for (const [key, contentType] of objects) {
    try {
      const sourceSha = await sha256Of(from, key);
      if (sourceSha === null) {
        report.failed.push({ key, reason: `not in the ${from.kind} storage` });
        continue;
      }
      const address = CONTENT_ADDRESS.exec(key)?.[1];
      if (address && address !== sourceSha) {
        report.failed.push({ key, reason: "the source is damaged: its SHA-256 is not the one in its name" });
        continue;
      }
      if ((await to.head(key)) !== null && (await sha256Of(to, key)) === sourceSha) {
        report.alreadyPresent.push(key);
        log(`= ${key}`);
        continue;
      }
      // Missing, or a different copy (an interrupted earlier run, say), which is replaced.
      const source = await from.get(key);
      if (!source) throw new Error("the source disappeared while being copied");
      // The put refuses bytes other than the ones just hashed (a source changed meanwhile).
      const written = await to.put(key, source.body, {
        contentType,
        maxBytes: MIGRATION_MAX_BYTES,
        expectedSha256: sourceSha,
      });
      const readBack = await sha256Of(to, key);
      if (readBack !== sourceSha) {
        report.failed.push({ key, reason: `the copy reads back with another SHA-256 (${readBack})` });
        continue;
      }
      report.copied.push(key);
      log(`+ ${key} ${written.sizeBytes} bytes sha256 ${sourceSha}`);
    } catch (error) {
      report.failed.push({ key, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return report;
}
