import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFsMediaStorage } from "@/lib/media/fs-media-storage";
import type { MediaStorage } from "@/lib/media/media-storage";
import { startS3Server, type S3TestServer } from "../fixtures/s3-server";
import { verifyPresignedUrl } from "../fixtures/verify-presigned-url";

// The same contract for both drivers: the app must not be able to tell them apart.
let s3: S3TestServer;
let fsRoot: string;
const drivers: Record<"fs" | "s3", () => MediaStorage> = {
  fs: () => createFsMediaStorage(fsRoot),
  s3: () => s3.storage,
};

beforeAll(async () => {
  s3 = await startS3Server();
  fsRoot = fs.mkdtempSync(path.join(os.tmpdir(), "pressroom-media-store-"));
});
afterAll(async () => {
  await s3?.stop();
  fs.rmSync(fsRoot, { recursive: true, force: true });
});

const sha256 = (bytes: Buffer) => crypto.createHash("sha256").update(bytes).digest("hex");
const readAll = async (stream: Readable) => Buffer.concat(await stream.toArray());
const key = (extension = "png") => `${crypto.randomBytes(32).toString("hex")}.${extension}`;
const MB = 1024 * 1024;

/** `total` bytes in 1 MB chunks produced on demand, so the source itself holds one chunk at most. */
function generated(total: number): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= total) return this.push(null);
      const size = Math.min(MB, total - sent);
      const chunk = Buffer.alloc(size, sent % 251);
      sent += size;
      this.push(chunk);
    },
  });
}

describe.each(["fs", "s3"] as const)("the %s media storage", (kind) => {
  const store = () => drivers[kind]();

  it("writes a stream, reports its size and SHA-256, and reads it back whole and by range", async () => {
    const bytes = crypto.randomBytes(70_000);
    const name = key();
    expect(
      await store().put(name, Readable.from([bytes]), { contentType: "image/png", maxBytes: MB }),
    ).toEqual({
      sizeBytes: bytes.length,
      sha256: sha256(bytes),
    });
    expect(await store().head(name)).toEqual({ sizeBytes: bytes.length });
    const whole = (await store().get(name))!;
    expect(whole.contentLength).toBe(bytes.length);
    expect((await readAll(whole.body)).equals(bytes)).toBe(true);
    const part = (await store().get(name, { start: 100, end: 1099 }))!;
    expect(part.contentLength).toBe(1000);
    expect((await readAll(part.body)).equals(bytes.subarray(100, 1100))).toBe(true);
    const tail = (await store().get(name, { start: bytes.length - 1, end: bytes.length - 1 }))!;
    expect((await readAll(tail.body)).equals(bytes.subarray(-1))).toBe(true);

    await store().delete(name);
    expect(await store().head(name)).toBeNull();
    expect(await store().get(name)).toBeNull();
  });

  it("answers null for a missing object and deleting one is not an error", async () => {
    const name = key("jpg");
    expect(await store().get(name)).toBeNull();
    expect(await store().get(name, { start: 0, end: 10 })).toBeNull();
    expect(await store().head(name)).toBeNull();
    await expect(store().delete(name)).resolves.toBeUndefined();
  });

  it("refuses keys that could name another place (path traversal), in every operation", async () => {
    const hostile = [
      "../secret.png",
      "..",
      "a/../../b.png",
      "sub/dir.png",
      "/etc/passwd",
      "..\\..\\x.png",
      "%2e%2e%2fx.png",
      "x.png\u0000.jpg",
      ".incoming",
      "a..png",
      "",
      "é.png",
      "x".repeat(300),
    ];
    for (const name of hostile) {
      const body = Readable.from([Buffer.from("x")]);
      await expect(store().put(name, body, { contentType: "image/png", maxBytes: MB })).rejects.toMatchObject(
        {
          status: 400,
        },
      );
      await expect(store().get(name)).rejects.toMatchObject({ status: 400 });
      await expect(store().head(name)).rejects.toMatchObject({ status: 400 });
      await expect(store().delete(name)).rejects.toMatchObject({ status: 400 });
      await expect(
        store().signedUrl(name, { expiresInSeconds: 60, contentType: "image/png" }),
      ).rejects.toMatchObject({ status: 400 });
    }
    expect(fs.existsSync(path.join(fsRoot, "..", "secret.png"))).toBe(false);
  });

  it("abandons a stream past its limit and leaves nothing under the key", async () => {
    const name = key();
    // 12 MB against a 2 MB limit: for s3 more than two 5 MB parts, so a multipart upload had begun.
    await expect(
      store().put(name, generated(12 * MB), { contentType: "image/png", maxBytes: 2 * MB }),
    ).rejects.toMatchObject({ status: 413 });
    expect(await store().head(name)).toBeNull();
    if (kind === "fs") expect(fs.readdirSync(path.join(fsRoot, ".incoming"))).toEqual([]);
  });

  it("refuses a type that is not an image, and bytes that are not the expected ones", async () => {
    const name = key();
    const html = Buffer.from("<script>alert(1)</script>");
    await expect(
      store().put(name, Readable.from([html]), { contentType: "text/html", maxBytes: MB }),
    ).rejects.toMatchObject({ status: 415 });
    await expect(
      store().put(name, Readable.from([html]), {
        contentType: "image/png",
        maxBytes: MB,
        expectedSha256: sha256(Buffer.from("something else")),
      }),
    ).rejects.toMatchObject({ status: 409 });
    expect(await store().head(name)).toBeNull();
  });

  it("streams a huge object in and out with bounded memory", { timeout: 180_000 }, async () => {
    const total = 160 * MB;
    const name = key();
    const used = () => {
      const memory = process.memoryUsage();
      return memory.heapUsed + memory.arrayBuffers;
    };
    global.gc?.();
    const baseline = used();
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, used())), 20);
    try {
      const stored = await store().put(name, generated(total), { contentType: "image/png", maxBytes: total });
      expect(stored.sizeBytes).toBe(total);
      const object = (await store().get(name))!;
      let read = 0;
      for await (const chunk of object.body) read += (chunk as Buffer).length;
      expect(read).toBe(total);
    } finally {
      clearInterval(sampler);
      await store().delete(name);
    }
    // A buffered implementation would hold the whole 160 MB at least once.
    expect(peak - baseline).toBeLessThan(64 * MB);
  });
});

describe("signed URLs of the s3 storage", () => {
  const put = async (bytes: Buffer) => {
    const name = key();
    await s3.storage.put(name, Readable.from([bytes]), { contentType: "image/png", maxBytes: MB });
    return name;
  };

  it("let anyone fetch the object, with the type we chose, until they expire", async () => {
    const bytes = crypto.randomBytes(5000);
    const name = await put(bytes);
    const url = await s3.storage.signedUrl(name, { expiresInSeconds: 60, contentType: "image/png" });
    const answer = await fetch(url!);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await answer.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it("sign the key, the expiry and the response type: a tampered URL is refused", async () => {
    const name = await put(crypto.randomBytes(100));
    const other = await put(crypto.randomBytes(100));
    const url = new URL(
      (await s3.storage.signedUrl(name, { expiresInSeconds: 60, contentType: "image/png" }))!,
    );
    expect(verifyPresignedUrl(url.href, s3.credentials)).toBe("valid");
    expect(verifyPresignedUrl(url.href, { ...s3.credentials, secretAccessKey: "another-secret" })).toBe(
      "bad-signature",
    );

    const signature = url.searchParams.get("X-Amz-Signature")!;
    const forged = new URL(url);
    forged.searchParams.set(
      "X-Amz-Signature",
      signature.replace(/^./, (c) => (c === "0" ? "1" : "0")),
    );
    const otherKey = new URL(url);
    otherKey.pathname = otherKey.pathname.replace(name, other);
    const longer = new URL(url);
    longer.searchParams.set("X-Amz-Expires", "604800");
    const html = new URL(url);
    html.searchParams.set("response-content-type", "text/html");
    const download = new URL(url);
    download.searchParams.set("response-content-disposition", "attachment");
    for (const tampered of [forged, otherKey, longer, html, download])
      expect(verifyPresignedUrl(tampered.href, s3.credentials), tampered.href).toBe("bad-signature");
  });

  it("expire: an expired URL is refused by the store", async () => {
    const name = await put(crypto.randomBytes(100));
    // Signed an hour ago for 60 s: expired, without waiting for the clock.
    const expired = (await s3.storage.signedUrl(name, {
      expiresInSeconds: 60,
      contentType: "image/png",
      signingDate: new Date(Date.now() - 3600_000),
    }))!;
    expect(verifyPresignedUrl(expired, s3.credentials)).toBe("expired");
    const answer = await fetch(expired);
    expect(answer.status).toBe(403);
    expect(await answer.text()).toMatch(/expired/i);
  });

  it("the fs storage has no URL of its own", async () => {
    expect(
      await createFsMediaStorage(fsRoot).signedUrl(key(), { expiresInSeconds: 60, contentType: "image/png" }),
    ).toBeNull();
  });
});
