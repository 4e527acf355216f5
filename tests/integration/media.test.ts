import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db";
import { detectImage } from "@/lib/media/detect-image";
import { readMediaFile, uploadMedia } from "@/lib/media/upload-media";
import { createStaff } from "./staff";

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAIAAAADCAYAAAC56t6BAAAAEElEQVR42mP8z8DwnwEKAB4OAgH2gT0qAAAAAElFTkSuQmCC", "base64");

let editor: Actor;
beforeAll(async () => {
  process.env.MEDIA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "pressroom-media-"));
  editor = await createStaff("editor");
});

describe("media upload", () => {
  it("stores a real image with its size, caption and credit, and serves it back", async () => {
    const media = await uploadMedia(editor, { bytes: PNG, name: "现场.png" }, { alt: "新闻发布会现场", caption: "新闻发布会现场。", credit: "蔡菡泠摄" });
    expect(media).toMatchObject({ mimeType: "image/png", width: 2, height: 3, sizeBytes: PNG.length, credit: "蔡菡泠摄" });
    expect(fs.existsSync(path.join(getConfig().mediaDir, media.storagePath!))).toBe(true);
    const file = await readMediaFile(media.id);
    expect(file?.mimeType).toBe("image/png");
    expect(file?.bytes.equals(PNG)).toBe(true);
  });

  it("judges by content, not by name, and refuses without writing anything", async () => {
    const before = await db.media.count({ where: { uploadedById: editor.id } });
    const script = Buffer.from("<script>alert(1)</script>");
    await expect(uploadMedia(editor, { bytes: script, name: "photo.png" }, { alt: "x" })).rejects.toMatchObject({ status: 415 });
    await expect(uploadMedia(editor, { bytes: PNG, name: "a.png" }, { alt: "" })).rejects.toMatchObject({ name: "ZodError" });
    await expect(uploadMedia(editor, { bytes: Buffer.alloc(0), name: "a.png" }, { alt: "x" })).rejects.toMatchObject({ status: 400 });
    const huge = Buffer.concat([PNG, Buffer.alloc(getConfig().MEDIA_MAX_BYTES)]);
    await expect(uploadMedia(editor, { bytes: huge, name: "a.png" }, { alt: "x" })).rejects.toMatchObject({ status: 413 });
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
