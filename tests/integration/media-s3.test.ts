import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import pg from "pg";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { getConfig } from "@/lib/config";
import { startEmbeddedPostgres } from "@/lib/database/embedded";
import { migrateDatabase } from "@/lib/database/migrate";
import { db } from "@/lib/db";
import { createFsMediaStorage } from "@/lib/media/fs-media-storage";
import { getMediaStorage } from "@/lib/media/get-media-storage";
import { migrateMedia } from "@/lib/media/migrate-media";
import { mediaResponse, readMediaFile } from "@/lib/media/read-media";
import { uploadMedia } from "@/lib/media/upload-media";
import { createRelease } from "@/lib/releases/create-release";
import { transitionRelease } from "@/lib/releases/transition-release";
import { startS3Server, type S3TestServer } from "../fixtures/s3-server";
import { verifyPresignedUrl } from "../fixtures/verify-presigned-url";
import { createStaff, releaseInput } from "./staff";

// This file runs the app with MEDIA_STORAGE=s3 against s3rver (its own worker, so its own config).
let s3: S3TestServer;
let mediaDir: string;
let editor: Actor;
let publisher: Actor;
const anonymous = async () => null;
const signedIn = (actor: Actor) => async () => actor;
const sha256 = (bytes: Buffer) => crypto.createHash("sha256").update(bytes).digest("hex");

beforeAll(async () => {
  s3 = await startS3Server();
  mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), "pressroom-media-fs-"));
  Object.assign(process.env, s3.env, { MEDIA_DIR: mediaDir });
  editor = await createStaff("editor");
  publisher = await createStaff("publisher");
});
afterAll(async () => {
  await s3?.stop();
  fs.rmSync(mediaDir, { recursive: true, force: true });
});

const picture = (background: string, width = 6, height = 4) =>
  sharp({ create: { width, height, channels: 3, background } })
    .png()
    .toBuffer();
const version = async (id: string) => (await db.release.findUniqueOrThrow({ where: { id } })).version;
const publish = async (releaseId: string) =>
  transitionRelease(publisher, releaseId, { action: "publish", baseVersion: await version(releaseId) });
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
const bodyOf = async (response: Response) => Buffer.from(await response.arrayBuffer());

describe("uploads with MEDIA_STORAGE=s3", () => {
  it("go to the bucket under the SHA-256 of the re-encoded bytes and are served through the app", async () => {
    expect(getConfig().MEDIA_STORAGE).toBe("s3");
    const media = await uploadMedia(
      editor,
      { bytes: await picture("#aa2200"), name: "现场.png" },
      { alt: "现场" },
    );
    expect(media.storagePath).toMatch(/^[0-9a-f]{64}\.png$/);
    const stored = await s3.storage.get(media.storagePath!);
    const bytes = Buffer.concat(await stored!.body.toArray());
    expect(`${sha256(bytes)}.png`).toBe(media.storagePath);
    expect(media.sizeBytes).toBe(bytes.length);
    expect(fs.readdirSync(mediaDir)).toEqual([]);

    const url = `http://localhost/media/${media.id}`;
    const staffFile = await readMediaFile(media.id, signedIn(editor));
    const whole = (await mediaResponse(new Request(url), staffFile!, "app"))!;
    expect(whole.status).toBe(200);
    expect(whole.headers.get("cache-control")).toMatch(/^private/);
    expect(whole.headers.get("content-length")).toBe(String(bytes.length));
    expect((await bodyOf(whole)).equals(bytes)).toBe(true);

    const part = (await mediaResponse(
      new Request(url, { headers: { range: "bytes=8-15" } }),
      staffFile!,
      "app",
    ))!;
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 8-15/${bytes.length}`);
    expect((await bodyOf(part)).equals(bytes.subarray(8, 16))).toBe(true);
    const past = (await mediaResponse(
      new Request(url, { headers: { range: "bytes=99999-" } }),
      staffFile!,
      "app",
    ))!;
    expect(past.status).toBe(416);
    expect(past.headers.get("content-range")).toBe(`bytes */${bytes.length}`);

    // The publication rules are the same whatever the store: readers only once a public release uses it.
    const release = await createRelease(editor, releaseInput({ leadImageId: media.id }));
    expect(await readMediaFile(media.id, anonymous)).toBeNull();
    await publish(release.id);
    const publicAnswer = (await mediaResponse(
      new Request(url),
      (await readMediaFile(media.id, anonymous))!,
      "app",
    ))!;
    expect(publicAnswer.headers.get("cache-control")).toBe("public, max-age=60, must-revalidate");
    expect((await bodyOf(publicAnswer)).equals(bytes)).toBe(true);
  });

  it("store one object for the same picture uploaded twice", async () => {
    const bytes = await picture("#117733");
    const first = await uploadMedia(editor, { bytes, name: "a.png" }, { alt: "一" });
    const second = await uploadMedia(editor, { bytes, name: "b.png" }, { alt: "二" });
    expect(second.id).not.toBe(first.id);
    expect(second.storagePath).toBe(first.storagePath);
  });

  it("refuse what is not an image by its content, whatever its name, and store nothing", async () => {
    const before = await db.media.count();
    const html = Buffer.from("<html><script>alert(1)</script></html>");
    await expect(uploadMedia(editor, { bytes: html, name: "photo.png" }, { alt: "x" })).rejects.toMatchObject(
      {
        status: 415,
      },
    );
    expect(await db.media.count()).toBe(before);
  });
});

describe("MEDIA_DELIVERY=redirect", () => {
  it("sends a reader, after the publication check, to a short-lived signed URL of the bucket", async () => {
    const media = await uploadMedia(
      editor,
      { bytes: await picture("#2244aa"), name: "c.png" },
      { alt: "会场" },
    );
    const release = await createRelease(editor, releaseInput({ leadImageId: media.id }));
    // No URL for a reader before the release is public: the check comes first.
    expect(await readMediaFile(media.id, anonymous)).toBeNull();
    const staffAnswer = (await mediaResponse(
      new Request(`http://localhost/media/${media.id}`),
      (await readMediaFile(media.id, signedIn(editor)))!,
      "redirect",
    ))!;
    expect(staffAnswer.status).toBe(302);
    expect(staffAnswer.headers.get("cache-control")).toBe("private, no-store");

    await publish(release.id);
    const answer = (await mediaResponse(
      new Request(`http://localhost/media/${media.id}`),
      (await readMediaFile(media.id, anonymous))!,
      "redirect",
    ))!;
    expect(answer.status).toBe(302);
    expect(answer.headers.get("cache-control")).toBe("public, max-age=60");
    const location = answer.headers.get("location")!;
    expect(new URL(location).origin).toBe(s3.endpoint);
    expect(new URL(location).searchParams.get("X-Amz-Expires")).toBe(
      String(getConfig().MEDIA_SIGNED_URL_SECONDS),
    );
    expect(verifyPresignedUrl(location, s3.credentials)).toBe("valid");
    const image = await fetch(location);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/png");
    const stored = Buffer.concat(await (await s3.storage.get(media.storagePath!))!.body.toArray());
    expect((await bodyOf(image)).equals(stored)).toBe(true);
  });
});

describe("media:migrate", () => {
  /** An image as an earlier fs-only version stored it: a file in MEDIA_DIR and its row. */
  async function fsMedia(key: (bytes: Buffer) => string, bytes?: Buffer) {
    const content = bytes ?? (await picture(`#${crypto.randomBytes(3).toString("hex")}`));
    const storagePath = key(content);
    const fsStore = createFsMediaStorage(mediaDir);
    await fsStore.put(storagePath, Readable.from([content]), { contentType: "image/png", maxBytes: 1 << 20 });
    const media = await db.media.create({
      data: { storagePath, mimeType: "image/png", sizeBytes: content.length, alt: "迁移" },
    });
    return { media, content };
  }
  const addressed = (bytes: Buffer) => `${sha256(bytes)}.png`;
  const legacy = () => `${crypto.randomUUID()}.png`;

  it("copies fs media to s3, verifies every copy, reports damage, and copies nothing twice", async () => {
    const fsStore = createFsMediaStorage(mediaDir);
    const a = await fsMedia(addressed);
    const b = await fsMedia(legacy);
    const missing = await db.media.create({
      data: { storagePath: addressed(Buffer.from("gone")), mimeType: "image/png", alt: "缺失" },
    });
    // A file whose bytes are no longer the ones its name was computed from.
    const damaged = await fsMedia(() => addressed(Buffer.from("original")), await picture("#000000"));
    // A wrong copy already in the bucket (an interrupted earlier run) is replaced.
    await s3.storage.put(b.media.storagePath!, Readable.from([Buffer.from("partial")]), {
      contentType: "image/png",
      maxBytes: 1 << 20,
    });
    const ids = [a.media.id, b.media.id, missing.id, damaged.media.id];

    const report = await migrateMedia(fsStore, s3.storage, { ids });
    expect(report.copied.sort()).toEqual([a.media.storagePath, b.media.storagePath].sort());
    expect(report.alreadyPresent).toEqual([]);
    expect(report.failed.map((f) => f.key).sort()).toEqual(
      [missing.storagePath, damaged.media.storagePath].sort(),
    );
    expect(await s3.storage.head(damaged.media.storagePath!)).toBeNull();
    for (const { media, content } of [a, b]) {
      const copy = Buffer.concat(await (await s3.storage.get(media.storagePath!))!.body.toArray());
      expect(sha256(copy)).toBe(sha256(content));
    }

    const again = await migrateMedia(fsStore, s3.storage, { ids: [a.media.id, b.media.id] });
    expect(again).toEqual({
      copied: [],
      alreadyPresent: expect.arrayContaining([a.media.storagePath]),
      failed: [],
    });
    expect(again.alreadyPresent).toHaveLength(2);

    // The migrated image is served from the bucket by the app, which now runs on s3.
    expect(getMediaStorage().kind).toBe("s3");
    const served = await mediaResponse(
      new Request(`http://localhost/media/${b.media.id}`),
      (await readMediaFile(b.media.id, signedIn(editor)))!,
      "app",
    );
    expect((await bodyOf(served!)).equals(b.content)).toBe(true);
  });

  it("npm run media:migrate -- --to s3 copies a database's media and fails loudly on a missing file", async () => {
    // The command migrates every image of its database: it gets one of its own (the shared test
    // database holds other files' images, and the app's role may not create databases).
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pressroom-pg-media-"));
    fs.chmodSync(dataDir, 0o755);
    const cliMediaDir = fs.mkdtempSync(path.join(os.tmpdir(), "pressroom-media-cli-"));
    const database = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    await migrateDatabase(database.url);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const content = await picture("#884400", 9, 9);
      const key = addressed(content);
      fs.writeFileSync(path.join(cliMediaDir, key), content);
      const insert = `INSERT INTO media (id, "storagePath", "mimeType", alt) VALUES ($1, $2, 'image/png', '图')`;
      await client.query(insert, [crypto.randomUUID(), key]);

      const run = (...args: string[]) =>
        new Promise<{ code: number | null; output: string }>((resolve) => {
          const child = spawn("npm", ["run", "-s", "media:migrate", "--", ...args], {
            env: { ...process.env, DATABASE_URL: database.url, MEDIA_DIR: cliMediaDir },
            stdio: ["ignore", "pipe", "pipe"],
          });
          let output = "";
          child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
          child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
          child.on("exit", (code) => resolve({ code, output }));
        });

      const first = await run("--to", "s3");
      expect(first.output).toContain("1 copied, 0 already present, 0 failed (fs → s3)");
      expect(first.code).toBe(0);
      const copy = Buffer.concat(await (await s3.storage.get(key))!.body.toArray());
      expect(copy.equals(content)).toBe(true);

      expect((await run("--to", "s3")).output).toContain("0 copied, 1 already present, 0 failed");

      await client.query(insert, [crypto.randomUUID(), legacy()]);
      const broken = await run("--to", "s3");
      expect(broken.code).toBe(1);
      expect(broken.output).toMatch(/not in the fs storage/);
      expect(broken.output).toContain("1 image(s) not migrated");

      const usage = await run("--to", "ftp");
      expect(usage.code).toBe(1);
      expect(usage.output).toContain("Usage: npm run media:migrate -- --to s3|fs");
    } finally {
      await client.end();
      await database.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(cliMediaDir, { recursive: true, force: true });
    }
  }, 120_000);
});
