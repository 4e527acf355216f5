import crypto from "node:crypto";
import { Transform, type Readable } from "node:stream";
import { AppError } from "../errors";

/** The image types the app stores; a driver refuses any other declared type. */
export const MEDIA_CONTENT_TYPES = ["image/png", "image/jpeg", "image/gif", "image/webp"] as const;
export type MediaContentType = (typeof MEDIA_CONTENT_TYPES)[number];

export interface StoredObject {
  sizeBytes: number;
  /** Hex SHA-256 of the bytes as they were written. */
  sha256: string;
}

export interface ObjectRange {
  /** First and last byte, inclusive (as in an HTTP Range). */
  start: number;
  end: number;
}

export interface ObjectStream {
  body: Readable;
  /** Bytes in `body` (the range's length when a range was asked for). */
  contentLength: number;
}

/**
 * Where uploaded images live: a directory (fs, the default) or an S3-compatible bucket (s3). Keys
 * are flat names (content addresses such as `<sha256>.png`, or the `<uuid>.<ext>` of older uploads),
 * checked by assertMediaKey in every driver call, so no caller can reach outside the store.
 */
export interface MediaStorage {
  readonly kind: "fs" | "s3";
  /** Streams `body` to `key`; past `maxBytes` the write is abandoned and nothing is left under the key. */
  put(
    key: string,
    body: Readable,
    options: { contentType: string; maxBytes: number; expectedSha256?: string },
  ): Promise<StoredObject>;
  /** The object's bytes (or one range of them), or null when there is no such object. */
  get(key: string, range?: ObjectRange): Promise<ObjectStream | null>;
  head(key: string): Promise<{ sizeBytes: number } | null>;
  /** Removes the object; removing a missing one is not an error. */
  delete(key: string): Promise<void>;
  /** A URL the store itself answers for a while, or null when the store has none (fs). */
  signedUrl(
    key: string,
    options: { expiresInSeconds: number; contentType: string; signingDate?: Date },
  ): Promise<string | null>;
}

const MEDIA_KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}(\.[A-Za-z0-9]{1,8})?$/;

/** One flat name: no slash, no `..`, no control or encoded character can name another place. */
export function assertMediaKey(key: string): string {
  if (typeof key !== "string" || !MEDIA_KEY.test(key))
    throw new AppError("bad_request", "媒体文件名无效（只允许字母、数字、下划线、连字符和一个扩展名）");
  return key;
}

export function assertMediaContentType(contentType: string): MediaContentType {
  const known = MEDIA_CONTENT_TYPES.find((type) => type === contentType);
  if (!known) throw new AppError("unsupported_media_type", "只能存储 PNG、JPEG、GIF 或 WebP 图片");
  return known;
}

/** The content address of processed image bytes: the same picture is stored once. */
export function contentAddressedKey(bytes: Buffer, extension: string): string {
  return assertMediaKey(`${crypto.createHash("sha256").update(bytes).digest("hex")}.${extension}`);
}

export function tooLargeForStorage(maxBytes: number): AppError {
  return new AppError("payload_too_large", `文件超过存储上限（${Math.round(maxBytes / 1024 / 1024)} MB）`);
}

/**
 * A pass-through that counts and hashes what flows to a store and fails the stream past `maxBytes`
 * or, at its end, when the bytes are not the expected ones: the driver then discards the write.
 */
export function meteredStream(maxBytes: number, expectedSha256?: string) {
  const hash = crypto.createHash("sha256");
  let sizeBytes = 0;
  let sha256 = "";
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      sizeBytes += chunk.length;
      if (sizeBytes > maxBytes) return callback(tooLargeForStorage(maxBytes));
      hash.update(chunk);
      callback(null, chunk);
    },
    flush(callback) {
      sha256 = hash.digest("hex");
      if (expectedSha256 && sha256 !== expectedSha256)
        return callback(new AppError("conflict", "写入的内容与预期的校验和不一致"));
      callback();
    },
  });
  return { stream, result: (): StoredObject => ({ sizeBytes, sha256 }) };
}
