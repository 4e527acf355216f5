import "server-only";
import type { Readable } from "node:stream";
import type { Actor } from "../auth/actor";
import { getConfig } from "../config";
import { db } from "../db";
import { can } from "../permissions";
import { publicReleaseWhere } from "../publication/visibility";
import { parseByteRange } from "./byte-range";
import { getMediaStorage } from "./get-media-storage";
import type { MediaStorage, ObjectRange, ObjectStream } from "./media-storage";

export interface MediaFile {
  mimeType: string;
  etag: string;
  /** Readers may see it; otherwise only staff got it. */
  isPublic: boolean;
  sizeBytes: number;
  storageKey: string;
  storage: MediaStorage;
  read: (range?: ObjectRange) => Promise<ObjectStream | null>;
}

/**
 * An image is public from the moment a release readers can see uses it (as lead image or in its
 * body), by the one definition of "public": the image of a draft or of an embargoed release does not
 * leak before its release, and one no public release uses (in the library only) stays with staff.
 */
export async function isMediaPublic(id: string, now = new Date()): Promise<boolean> {
  const release = await db.release.findFirst({
    where: {
      ...publicReleaseWhere(now),
      OR: [
        { leadImageId: id },
        { body: { contains: `data-media-id="${id}"` } },
        { body: { contains: `/media/${id}` } },
      ],
    },
    select: { id: true },
  });
  return release !== null;
}

/** A stored image for the /media/[id] route, if this viewer may see it (staff see every image). */
export async function readMediaFile(
  id: string,
  viewer: () => Promise<Actor | null>,
  storage: MediaStorage = getMediaStorage(),
): Promise<MediaFile | null> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  const media = await db.media.findUnique({
    where: { id },
    select: { storagePath: true, mimeType: true, sizeBytes: true },
  });
  if (!media?.storagePath || !media.mimeType) return null;
  const isPublic = await isMediaPublic(id);
  if (!isPublic && !can(await viewer(), "release.edit")) return null;
  const storageKey = media.storagePath;
  return {
    mimeType: media.mimeType,
    // The bytes under an id never change (written once, never replaced), so the id names the content.
    etag: `"${id}-${media.sizeBytes ?? 0}"`,
    isPublic,
    sizeBytes: media.sizeBytes ?? 0,
    storageKey,
    storage,
    read: (range) => storage.get(storageKey, range),
  };
}

/**
 * The image with a short public lifetime: its release can still be withdrawn, so caches ask again
 * within a minute, and the ETag makes asking cost a 304. Staff-only images are never shared.
 * With MEDIA_DELIVERY=redirect (s3 only) the answer, after the same checks, is a redirect to a
 * signed URL of the store that expires after MEDIA_SIGNED_URL_SECONDS.
 */
export async function mediaResponse(
  request: Request,
  file: MediaFile,
  delivery: "app" | "redirect" = getConfig().MEDIA_DELIVERY,
): Promise<Response | null> {
  const headers: Record<string, string> = {
    "content-type": file.mimeType,
    etag: file.etag,
    "cache-control": file.isPublic ? "public, max-age=60, must-revalidate" : "private, no-cache",
    "x-content-type-options": "nosniff",
    "accept-ranges": "bytes",
  };
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch?.split(",").some((tag) => tag.trim().replace(/^W\//, "") === file.etag))
    return new Response(null, { status: 304, headers });

  if (delivery === "redirect") {
    const seconds = getConfig().MEDIA_SIGNED_URL_SECONDS;
    const location = await file.storage.signedUrl(file.storageKey, {
      expiresInSeconds: seconds,
      contentType: file.mimeType,
    });
    if (location) {
      // A cache may keep the redirect only while its URL still has most of its life ahead.
      const cacheControl = file.isPublic
        ? `public, max-age=${Math.min(60, Math.floor(seconds / 2))}`
        : "private, no-store";
      return new Response(null, { status: 302, headers: { location, "cache-control": cacheControl } });
    }
  }

  const range = parseByteRange(request.headers.get("range"), file.sizeBytes);
  if (range === "unsatisfiable")
    return new Response(null, {
      status: 416,
      headers: { ...headers, "content-range": `bytes */${file.sizeBytes}` },
    });
  const object = await file.read(range ?? undefined);
  if (!object) return null;
  headers["content-length"] = String(object.contentLength);
  if (range) headers["content-range"] = `bytes ${range.start}-${range.end}/${file.sizeBytes}`;
  return new Response(webStream(object.body), {
    status: range ? 206 : 200,
    headers,
  });
}

/** A Node stream as the body of a web Response; a reader who goes away closes the store's stream. */
function webStream(body: Readable): ReadableStream<Uint8Array> {
  const chunks = body[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
    },
    cancel() {
      body.destroy();
    },
  });
}
