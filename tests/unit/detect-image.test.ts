import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { detectImage } from "@/lib/media/detect-image";

// Real files, encoded by libvips: a 13 × 7 picture (width and height differ, so a swap shows).
const WIDTH = 13;
const HEIGHT = 7;
const picture = () =>
  sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: { r: 200, g: 30, b: 40 } } });
const withAlpha = () =>
  sharp({
    create: { width: WIDTH, height: HEIGHT, channels: 4, background: { r: 0, g: 90, b: 160, alpha: 0.5 } },
  });

const encoded = {
  jpeg: () => picture().jpeg().toBuffer(),
  progressiveJpeg: () => picture().jpeg({ progressive: true }).toBuffer(),
  // EXIF and ICC segments come before the frame header: the walk has to step over them.
  jpegWithMetadata: () =>
    picture()
      .withMetadata({ exif: { IFD0: { Copyright: "新闻中心" } } })
      .jpeg()
      .toBuffer(),
  png: () => picture().png().toBuffer(),
  gif: () => picture().gif().toBuffer(),
  lossyWebp: () => picture().webp({ quality: 80 }).toBuffer(),
  losslessWebp: () => picture().webp({ lossless: true }).toBuffer(),
  extendedWebp: () => withAlpha().webp({ quality: 80 }).toBuffer(),
};

const chunkOf = (webp: Buffer) => webp.toString("latin1", 12, 16);

describe("detectImage on real encoded files", () => {
  it.each([
    ["baseline JPEG", encoded.jpeg, "image/jpeg", "jpg"],
    ["progressive JPEG", encoded.progressiveJpeg, "image/jpeg", "jpg"],
    ["JPEG with EXIF before the frame", encoded.jpegWithMetadata, "image/jpeg", "jpg"],
    ["PNG", encoded.png, "image/png", "png"],
    ["GIF", encoded.gif, "image/gif", "gif"],
    ["lossy WebP", encoded.lossyWebp, "image/webp", "webp"],
    ["lossless WebP", encoded.losslessWebp, "image/webp", "webp"],
    ["extended WebP (alpha)", encoded.extendedWebp, "image/webp", "webp"],
  ])("%s: type and size from the bytes", async (_name, encode, mimeType, extension) => {
    expect(detectImage(await encode())).toEqual({ mimeType, extension, width: WIDTH, height: HEIGHT });
  });

  it("the WebP files cover all three chunk layouts (VP8, VP8L, VP8X)", async () => {
    expect([
      chunkOf(await encoded.lossyWebp()),
      chunkOf(await encoded.losslessWebp()),
      chunkOf(await encoded.extendedWebp()),
    ]).toEqual(["VP8 ", "VP8L", "VP8X"]);
  });

  it("a progressive JPEG's frame header is SOF2, a baseline's SOF0", async () => {
    const frameMarker = (jpeg: Buffer) => {
      for (let at = 2; at < jpeg.length; at += 2 + jpeg.readUInt16BE(at + 2)) {
        if (jpeg[at + 1]! >= 0xc0 && jpeg[at + 1]! <= 0xc2) return jpeg[at + 1];
      }
      return null;
    };
    expect(frameMarker(await encoded.jpeg())).toBe(0xc0);
    expect(frameMarker(await encoded.progressiveJpeg())).toBe(0xc2);
  });
});

describe("detectImage on what is not an image it accepts", () => {
  it("refuses SVG (it can carry script), HTML, PDF and empty input", () => {
    for (const text of [
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>',
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>',
      "<!doctype html><script>alert(1)</script>",
      "%PDF-1.7\n%âãÏÓ",
      "",
    ]) {
      expect(detectImage(Buffer.from(text)), text).toBeNull();
    }
  });

  it("refuses a signature that only appears after other bytes", async () => {
    const html = Buffer.from("<html><body>");
    for (const image of [await encoded.png(), await encoded.jpeg(), await encoded.gif()]) {
      expect(detectImage(Buffer.concat([html, image]))).toBeNull();
    }
  });

  it("refuses truncated headers instead of reading past the end", async () => {
    const png = await encoded.png();
    const webp = await encoded.lossyWebp();
    for (const cut of [
      png.subarray(0, 8),
      png.subarray(0, 23),
      webp.subarray(0, 29),
      Buffer.from("GIF89a"),
    ]) {
      expect(detectImage(cut)).toBeNull();
    }
    // A JPEG cut before its frame header is still a JPEG, but of unknown size (the decoder then refuses it).
    const jpeg = await encoded.jpegWithMetadata();
    expect(detectImage(jpeg.subarray(0, 40))).toEqual({
      mimeType: "image/jpeg",
      extension: "jpg",
      width: null,
      height: null,
    });
  });

  it("refuses a JPEG signature whose first segment is followed by bytes that are not segments", () => {
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.alloc(40, 0x41)]);
    expect(detectImage(fake)).toBeNull();
  });
});

describe("polyglots: a real image that is also something else", () => {
  it("a JPEG carrying HTML in a comment segment is a JPEG of its real size (the upload re-encodes it away)", async () => {
    const jpeg = await encoded.jpeg();
    const payload = Buffer.from("<script>alert(document.cookie)</script>");
    const comment = Buffer.alloc(4);
    comment.writeUInt16BE(0xfffe, 0);
    comment.writeUInt16BE(payload.length + 2, 2);
    const polyglot = Buffer.concat([jpeg.subarray(0, 2), comment, payload, jpeg.subarray(2)]);
    expect(detectImage(polyglot)).toEqual({
      mimeType: "image/jpeg",
      extension: "jpg",
      width: WIDTH,
      height: HEIGHT,
    });
    // What the upload stores: libvips' re-encoding, without the comment.
    const reencoded = await sharp(polyglot).jpeg().toBuffer();
    expect(reencoded.includes(payload)).toBe(false);
  });

  it("a GIF header followed by JavaScript (GIF89a/*…*/) is taken as a GIF and fails to decode", async () => {
    const polyglot = Buffer.from("GIF89a/*\x00\x00*/=alert(1);//" + " ".repeat(64));
    const detected = detectImage(polyglot);
    expect(detected?.mimeType).toBe("image/gif");
    // The header's size fields are the script's bytes: the decoder, not the sniffer, throws it out.
    expect(detected?.width).toBe(polyglot.readUInt16LE(6));
    await expect(sharp(polyglot).gif().toBuffer()).rejects.toThrow();
  });

  it("a RIFF file that is not WebP (a WAV) is not an image", () => {
    const wav = Buffer.alloc(44);
    wav.write("RIFF", 0, "latin1");
    wav.writeUInt32LE(36, 4);
    wav.write("WAVEfmt ", 8, "latin1");
    expect(detectImage(wav)).toBeNull();
  });
});
