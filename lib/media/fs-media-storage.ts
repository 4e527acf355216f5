import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { assertMediaContentType, assertMediaKey, meteredStream, type MediaStorage } from "./media-storage";

/**
 * Images as files in one directory (MEDIA_DIR). A write goes to a temporary file first and is
 * renamed into place once complete, so a reader never sees half an image and an abandoned upload
 * leaves nothing under its key.
 */
export function createFsMediaStorage(root: string): MediaStorage {
  // turbopackIgnore: a runtime directory, not part of the build output.
  const base = path.resolve(/*turbopackIgnore: true*/ root);
  const incoming = path.join(base, ".incoming");
  const fileOf = (key: string) => {
    const file = path.join(base, assertMediaKey(key));
    // The key pattern already allows no separator; this keeps the promise if the pattern ever changes.
    if (path.dirname(file) !== base) throw new Error(`media key escapes the store: ${key}`);
    return file;
  };
  const missing = (error: unknown) => (error as NodeJS.ErrnoException)?.code === "ENOENT";

  return {
    kind: "fs",
    async put(key, body, { contentType, maxBytes, expectedSha256 }) {
      const file = fileOf(key);
      assertMediaContentType(contentType);
      await fs.promises.mkdir(incoming, { recursive: true });
      const temporary = path.join(incoming, `${crypto.randomUUID()}.part`);
      const metered = meteredStream(maxBytes, expectedSha256);
      try {
        await pipeline(body, metered.stream, fs.createWriteStream(temporary, { flags: "wx" }));
        await fs.promises.rename(temporary, file);
      } catch (error) {
        await fs.promises.rm(temporary, { force: true });
        throw error;
      }
      return metered.result();
    },
    async get(key, range) {
      const file = fileOf(key);
      try {
        const { size } = await fs.promises.stat(file);
        const body = fs.createReadStream(file, range ? { start: range.start, end: range.end } : {});
        await new Promise<void>((resolve, reject) =>
          body.once("open", () => resolve()).once("error", reject),
        );
        return { body, contentLength: range ? range.end - range.start + 1 : size };
      } catch (error) {
        if (missing(error)) return null;
        throw error;
      }
    },
    async head(key) {
      try {
        return { sizeBytes: (await fs.promises.stat(fileOf(key))).size };
      } catch (error) {
        if (missing(error)) return null;
        throw error;
      }
    },
    async delete(key) {
      await fs.promises.rm(fileOf(key), { force: true });
    },
    async signedUrl(key) {
      fileOf(key);
      return null;
    },
  };
}
