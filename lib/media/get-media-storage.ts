import "server-only";
import { getConfig, type Config } from "../config";
import { createFsMediaStorage } from "./fs-media-storage";
import type { MediaStorage } from "./media-storage";
import { createS3MediaStorage } from "./s3-media-storage";

/** A driver by name, configured from the environment (media:migrate uses both at once). */
export function createMediaStorage(kind: "fs" | "s3", config: Config = getConfig()): MediaStorage {
  if (kind === "fs") return createFsMediaStorage(config.mediaDir);
  if (!config.MEDIA_S3_BUCKET)
    throw new Error("MEDIA_S3_BUCKET is not set: the s3 media storage needs a bucket");
  return createS3MediaStorage({
    bucket: config.MEDIA_S3_BUCKET,
    region: config.MEDIA_S3_REGION,
    endpoint: config.MEDIA_S3_ENDPOINT,
    forcePathStyle: config.MEDIA_S3_FORCE_PATH_STYLE,
  });
}

let current: MediaStorage | undefined;

/** The configured store (MEDIA_STORAGE), one client per process. */
export function getMediaStorage(): MediaStorage {
  current ??= createMediaStorage(getConfig().MEDIA_STORAGE);
  return current;
}
