import "server-only";
import crypto from "node:crypto";
import path from "node:path";
import { Readable } from "node:stream";
import { z } from "zod";
import { getConfig } from "../config";
import { db } from "../db";
import { requirePermission, type Actor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../errors";
import { detectImage } from "./detect-image";
import { getMediaStorage } from "./get-media-storage";
import { contentAddressedKey } from "./media-storage";
import { processImage } from "./process-image";

const metaSchema = z.object({
  alt: z.string().trim().min(1, "请填写替代文字（供读屏软件朗读）").max(200, "替代文字最多 200 个字符"),
  caption: z.string().trim().max(300).optional(),
  credit: z.string().trim().max(100).optional(),
});

/**
 * Stores an uploaded image in the media storage (MEDIA_STORAGE); only real images (by content)
 * within the size limit, re-encoded without their metadata, with the size read from the decoded
 * pixels. The stored name is the SHA-256 of the re-encoded bytes: the same picture uploaded twice is
 * one object, and an object's name proves its content (media:migrate checks it).
 */
export async function uploadMedia(
  actor: Actor | null,
  file: { bytes: Buffer; name: string },
  rawMeta: unknown,
) {
  const user = requirePermission(actor, "media.upload");
  const meta = metaSchema.parse(rawMeta);
  const { MEDIA_MAX_BYTES } = getConfig();
  if (file.bytes.length === 0) throw new AppError("bad_request", "文件是空的");
  if (file.bytes.length > MEDIA_MAX_BYTES) {
    throw new AppError("payload_too_large", `图片不能超过 ${Math.round(MEDIA_MAX_BYTES / 1024 / 1024)} MB`);
  }
  const image = detectImage(file.bytes);
  if (!image)
    throw new AppError("unsupported_media_type", "只能上传 PNG、JPEG、GIF 或 WebP 图片（按文件内容判断）");
  const { bytes, width, height } = await processImage(file.bytes, image);
  const id = crypto.randomUUID();
  const storagePath = contentAddressedKey(bytes, image.extension);
  // The decoder needs the whole picture, so the bytes are in memory here (at most MEDIA_MAX_BYTES in,
  // 50 megapixels out); the store takes them as a stream, in parts, like any other. An object left
  // behind by a failed transaction below is harmless: it is only reachable through a media row.
  await getMediaStorage().put(storagePath, Readable.from([bytes]), {
    contentType: image.mimeType,
    // Re-encoding may grow a file a little; the pixel limit bounds it in any case.
    maxBytes: Math.max(bytes.length, MEDIA_MAX_BYTES * 2),
    expectedSha256: storagePath.split(".")[0],
  });
  return db.$transaction(async (tx) => {
    const media = await tx.media.create({
      data: {
        id,
        storagePath,
        fileName: path.basename(file.name).slice(0, 200),
        mimeType: image.mimeType,
        width,
        height,
        sizeBytes: bytes.length,
        alt: meta.alt,
        caption: meta.caption || null,
        credit: meta.credit || null,
        uploadedById: user.id,
      },
    });
    await recordAudit(tx, {
      actor: user,
      action: "media.upload",
      targetType: "media",
      targetId: id,
      details: { fileName: media.fileName, sizeBytes: media.sizeBytes, mimeType: media.mimeType },
      ip: user.ip,
    });
    return media;
  });
}

export async function listMedia(actor: Actor | null) {
  requirePermission(actor, "release.edit");
  return db.media.findMany({
    where: { storagePath: { not: null } },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
}
