import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import type { Actor } from "../auth/actor";
import { getConfig } from "../config";
import { db } from "../db";
import { can } from "../permissions";
import { publicReleaseWhere } from "../publication/visibility";

export interface MediaFile {
  mimeType: string;
  etag: string;
  /** Readers may see it; otherwise only staff got it. */
  isPublic: boolean;
  read: () => Promise<Buffer | null>;
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
): Promise<MediaFile | null> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  const media = await db.media.findUnique({
    where: { id },
    select: { storagePath: true, mimeType: true, sizeBytes: true },
  });
  if (!media?.storagePath || !media.mimeType) return null;
  const isPublic = await isMediaPublic(id);
  if (!isPublic && !can(await viewer(), "release.edit")) return null;
  const file = path.join(/*turbopackIgnore: true*/ getConfig().mediaDir, media.storagePath);
  return {
    mimeType: media.mimeType,
    // The bytes under an id never change (written once, never replaced), so the id names the content.
    etag: `"${id}-${media.sizeBytes ?? 0}"`,
    isPublic,
    read: () => fs.readFile(file).catch(() => null),
  };
}

/**
 * The image with a short public lifetime: its release can still be withdrawn, so caches ask again
 * within a minute, and the ETag makes asking cost a 304. Staff-only images are never shared.
 */
export async function mediaResponse(request: Request, file: MediaFile): Promise<Response | null> {
  const headers = {
    "content-type": file.mimeType,
    etag: file.etag,
    "cache-control": file.isPublic ? "public, max-age=60, must-revalidate" : "private, no-cache",
    "x-content-type-options": "nosniff",
  };
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch?.split(",").some((tag) => tag.trim().replace(/^W\//, "") === file.etag))
    return new Response(null, { status: 304, headers });
  const bytes = await file.read();
  return bytes ? new Response(new Uint8Array(bytes), { headers }) : null;
}
