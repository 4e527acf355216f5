import sharp from "sharp";
import { AppError } from "../errors";
import type { DetectedImage } from "./detect-image";

/** 50 megapixels (an 8K photo has 33): a small file may declare a huge canvas to exhaust memory when decoded. */
export const MAX_IMAGE_PIXELS = 50_000_000;

export interface ProcessedImage {
  bytes: Buffer;
  width: number;
  height: number;
}

/**
 * Decodes an upload and encodes it again in its own format: what is stored is only pixels, so no
 * EXIF (GPS position, camera serial, the author's name), XMP, IPTC or comment survives, and the size
 * is the one of the decoded image, not what its header claims. The EXIF orientation is applied first
 * so that photos stay upright once it is gone.
 */
export async function processImage(bytes: Buffer, type: DetectedImage): Promise<ProcessedImage> {
  const animated = type.mimeType === "image/gif" || type.mimeType === "image/webp";
  try {
    const pipeline = sharp(bytes, { animated, limitInputPixels: MAX_IMAGE_PIXELS, failOn: "error" }).rotate();
    const encoded =
      type.mimeType === "image/png"
        ? pipeline.png()
        : type.mimeType === "image/gif"
          ? pipeline.gif()
          : type.mimeType === "image/webp"
            ? pipeline.webp({ quality: 90 })
            : pipeline.jpeg({ quality: 90, mozjpeg: true });
    const output = await encoded.toBuffer();
    // Read back from what we wrote: for an animation the height of one frame, not of the strip.
    const meta = await sharp(output, { animated }).metadata();
    return { bytes: output, width: meta.width, height: meta.pageHeight ?? meta.height };
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) {
      throw new AppError(
        "payload_too_large",
        `图片像素过多（最多 ${MAX_IMAGE_PIXELS / 1_000_000} 百万像素）`,
      );
    }
    throw new AppError("unsupported_media_type", "图片已损坏或无法解码");
  }
}
