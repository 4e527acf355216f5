import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db";
import { detectImage } from "@/lib/media/detect-image";
import { mediaResponse, readMediaFile } from "@/lib/media/read-media";
import { uploadMedia } from "@/lib/media/upload-media";
import { createRelease } from "@/lib/releases/create-release";
import { transitionRelease } from "@/lib/releases/transition-release";
import { createStaff, releaseInput } from "./staff";

let PNG: Buffer;
const CAMERA = "PRESSROOM-TEST-CAMERA-SN-0042";

let editor: Actor;
let publisher: Actor;
const anonymous = async () => null;
const signedIn = (actor: Actor) => async () => actor;

beforeAll(async () => {
  process.env.MEDIA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "pressroom-media-"));
  PNG = await sharp({ create: { width: 2, height: 3, channels: 3, background: "#cc3333" } })
    .png()
    .toBuffer();
  editor = await createStaff("editor");
  publisher = await createStaff("publisher");
});

const stored = (storagePath: string | null) => fs.readFileSync(path.join(getConfig().mediaDir, storagePath!));

/** A phone photo: 5 wide, 7 high as stored, EXIF orientation 6 (shown turned, 7 × 5), with the camera's serial and a GPS position. */
function phonePhoto() {
  return sharp({ create: { width: 5, height: 7, channels: 3, background: "#3366cc" } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: CAMERA },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "31/1 49/1 1/1",
        GPSLongitudeRef: "E",
        GPSLongitude: "117/1 13/1 1/1",
      },
    })
    .toBuffer();
}

/** The GPS IFD pointer (tag 0x8825) in either byte order of the TIFF header. */
const hasGpsPointer = (exif: Buffer) =>
  exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]));

function pngChunk(type: string, data: Buffer) {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

async function uploadAndRelease(bytes: Buffer, over: Record<string, unknown> = {}) {
  const media = await uploadMedia(editor, { bytes, name: "photo.png" }, { alt: "现场照片" });
  const release = await createRelease(editor, releaseInput({ leadImageId: media.id, ...over }));
  return { media, release };
}

describe("media upload", () => {
  it("stores a real image with its size, caption and credit, and serves it back to staff", async () => {
    const media = await uploadMedia(
      editor,
      { bytes: PNG, name: "现场.png" },
      { alt: "新闻发布会现场", caption: "新闻发布会现场。", credit: "蔡菡泠摄" },
    );
    expect(media).toMatchObject({ mimeType: "image/png", width: 2, height: 3, credit: "蔡菡泠摄" });
    const bytes = stored(media.storagePath);
    expect(media.sizeBytes).toBe(bytes.length);
    const file = await readMediaFile(media.id, signedIn(editor));
    expect(file).toMatchObject({ mimeType: "image/png", isPublic: false });
    const object = await file!.read();
    expect(Buffer.concat(await object!.body.toArray()).equals(bytes)).toBe(true);
    expect(await sharp(bytes).metadata()).toMatchObject({ format: "png", width: 2, height: 3 });
  });

  it("removes EXIF with the GPS position and the camera serial, and keeps the photo upright", async () => {
    const photo = await phonePhoto();
    const before = await sharp(photo).metadata();
    expect(hasGpsPointer(before.exif!)).toBe(true);
    expect(before.orientation).toBe(6);
    expect(photo.includes(CAMERA)).toBe(true);

    const media = await uploadMedia(editor, { bytes: photo, name: "IMG_0001.jpg" }, { alt: "展馆" });
    const bytes = stored(media.storagePath);
    const after = await sharp(bytes).metadata();
    expect(after.format).toBe("jpeg");
    expect([after.exif, after.xmp, after.iptc, after.orientation]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(bytes.includes(CAMERA)).toBe(false);
    // The size is the decoded, upright picture's (7 × 5), not the 5 × 7 the frame header declares.
    expect(detectImage(photo)).toMatchObject({ width: 5, height: 7 });
    expect(media).toMatchObject({ width: 7, height: 5, mimeType: "image/jpeg" });
    expect(after).toMatchObject({ width: 7, height: 5 });
  });

  it("refuses a file whose header declares a huge canvas (a decompression bomb) and one that does not decode", async () => {
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(100_000, 0);
    ihdr.writeUInt32BE(100_000, 4);
    ihdr.set([8, 0, 0, 0, 0], 8);
    const bomb = Buffer.concat([
      PNG.subarray(0, 8),
      pngChunk("IHDR", ihdr),
      pngChunk("IDAT", zlib.deflateSync(Buffer.alloc(1000))),
      pngChunk("IEND", Buffer.alloc(0)),
    ]);
    expect(detectImage(bomb)).toMatchObject({ width: 100_000, height: 100_000 });
    const count = await db.media.count({ where: { uploadedById: editor.id } });
    await expect(uploadMedia(editor, { bytes: bomb, name: "bomb.png" }, { alt: "x" })).rejects.toMatchObject({
      status: 413,
    });
    const truncated = (await phonePhoto()).subarray(0, 200);
    await expect(
      uploadMedia(editor, { bytes: truncated, name: "broken.jpg" }, { alt: "x" }),
    ).rejects.toMatchObject({ status: 415 });
    expect(await db.media.count({ where: { uploadedById: editor.id } })).toBe(count);
  });

  it("judges by content, not by name, and refuses without writing anything", async () => {
    const before = await db.media.count({ where: { uploadedById: editor.id } });
    const script = Buffer.from("<script>alert(1)</script>");
    await expect(
      uploadMedia(editor, { bytes: script, name: "photo.png" }, { alt: "x" }),
    ).rejects.toMatchObject({ status: 415 });
    await expect(uploadMedia(editor, { bytes: PNG, name: "a.png" }, { alt: "" })).rejects.toMatchObject({
      name: "ZodError",
    });
    await expect(
      uploadMedia(editor, { bytes: Buffer.alloc(0), name: "a.png" }, { alt: "x" }),
    ).rejects.toMatchObject({ status: 400 });
    const huge = Buffer.concat([PNG, Buffer.alloc(getConfig().MEDIA_MAX_BYTES)]);
    await expect(uploadMedia(editor, { bytes: huge, name: "a.png" }, { alt: "x" })).rejects.toMatchObject({
      status: 413,
    });
    expect(await db.media.count({ where: { uploadedById: editor.id } })).toBe(before);
  });

  it("recognises the image formats it accepts", () => {
    expect(detectImage(PNG)).toMatchObject({ mimeType: "image/png", width: 2, height: 3 });
    const gif = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");
    expect(detectImage(gif)).toMatchObject({ mimeType: "image/gif", width: 1, height: 1 });
    expect(detectImage(Buffer.from("GIF87a"))).toBeNull();
    expect(detectImage(Buffer.from("%PDF-1.7"))).toBeNull();
  });
});

describe("who may see an image", () => {
  const version = async (id: string) => (await db.release.findUniqueOrThrow({ where: { id } })).version;

  it("the lead image of a draft is not public until the release is, and is withdrawn with it", async () => {
    const { media, release } = await uploadAndRelease(PNG);
    expect(await readMediaFile(media.id, anonymous)).toBeNull();
    expect(await readMediaFile(media.id, signedIn(editor))).toMatchObject({ isPublic: false });

    await transitionRelease(publisher, release.id, {
      action: "publish",
      baseVersion: await version(release.id),
    });
    const file = await readMediaFile(media.id, anonymous);
    expect(file).toMatchObject({ isPublic: true, mimeType: "image/png" });

    await transitionRelease(publisher, release.id, {
      action: "unpublish",
      baseVersion: await version(release.id),
    });
    expect(await readMediaFile(media.id, anonymous)).toBeNull();
  });

  it("an image of an embargoed (scheduled) release stays hidden until its time", async () => {
    const { media, release } = await uploadAndRelease(PNG);
    await transitionRelease(publisher, release.id, {
      action: "schedule",
      baseVersion: await version(release.id),
      publishAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(await readMediaFile(media.id, anonymous)).toBeNull();
    // The clock decides, as for the release itself: once its time has passed the image is public.
    await db.release.update({ where: { id: release.id }, data: { publishAt: new Date(Date.now() - 1000) } });
    expect(await readMediaFile(media.id, anonymous)).toMatchObject({ isPublic: true });
  });

  it("an image in the body counts like a lead image; one only in the library stays with staff", async () => {
    const inBody = await uploadMedia(editor, { bytes: PNG, name: "a.png" }, { alt: "正文图片" });
    const body = `<p>正文</p><figure class="photo" data-media-id="${inBody.id}"><img src="/media/${inBody.id}" alt="正文图片"><figcaption>图注</figcaption></figure>`;
    const release = await createRelease(editor, releaseInput({ body }));
    expect(await readMediaFile(inBody.id, anonymous)).toBeNull();
    await transitionRelease(publisher, release.id, {
      action: "publish",
      baseVersion: await version(release.id),
    });
    expect(await readMediaFile(inBody.id, anonymous)).toMatchObject({ isPublic: true });

    const libraryOnly = await uploadMedia(editor, { bytes: PNG, name: "b.png" }, { alt: "未使用" });
    expect(await readMediaFile(libraryOnly.id, anonymous)).toBeNull();
    expect(await readMediaFile(libraryOnly.id, signedIn(publisher))).toMatchObject({ isPublic: false });
    expect(await readMediaFile("00000000-0000-0000-0000-000000000000", signedIn(publisher))).toBeNull();
  });

  it("is cached briefly and revalidated, never for a year: it can still be withdrawn", async () => {
    const { media, release } = await uploadAndRelease(PNG);
    await transitionRelease(publisher, release.id, {
      action: "publish",
      baseVersion: await version(release.id),
    });
    const url = `http://localhost/media/${media.id}`;
    const first = (await mediaResponse(new Request(url), (await readMediaFile(media.id, anonymous))!))!;
    expect(first.status).toBe(200);
    const cacheControl = first.headers.get("cache-control")!;
    expect(cacheControl).not.toMatch(/immutable/);
    expect(Number(/max-age=(\d+)/.exec(cacheControl)?.[1])).toBeLessThanOrEqual(300);
    const etag = first.headers.get("etag")!;
    const again = (await mediaResponse(
      new Request(url, { headers: { "if-none-match": etag } }),
      (await readMediaFile(media.id, anonymous))!,
    ))!;
    expect(again.status).toBe(304);

    const staffOnly = await uploadMedia(editor, { bytes: PNG, name: "c.png" }, { alt: "草稿图片" });
    const privateAnswer = (await mediaResponse(
      new Request(url),
      (await readMediaFile(staffOnly.id, signedIn(editor)))!,
    ))!;
    expect(privateAnswer.headers.get("cache-control")).toMatch(/^private/);
  });
});
