import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import {
  bodyRuleFor,
  JSON_BODY_MAX_BYTES,
  JSON_MAX_DEPTH,
  jsonDepthWithin,
  readBody,
  readFormBody,
  readJsonBody,
} from "@/lib/http/body-limits";

const MB = 1024 * 1024;

/** A body that never ends, like a client streaming forever; counts what was pulled from it. */
function endlessBody(chunkBytes = 64 * 1024) {
  let pulled = 0;
  let cancelled = false;
  const chunk = new Uint8Array(chunkBytes).fill(0x61);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, pulled: () => pulled, cancelled: () => cancelled };
}

function post(body: BodyInit | null, headers: Record<string, string> = {}) {
  return new Request("http://localhost/api/admin/releases", {
    method: "POST",
    body,
    headers,
    duplex: "half",
  } as RequestInit);
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("streaming body reader", () => {
  it("gives up on an endless body just past the limit, without reading on", async () => {
    const { stream, pulled, cancelled } = endlessBody();
    const error = await refusal(readBody(post(stream), 2 * MB));
    expect(error.status).toBe(413);
    expect(error.message).toBe("请求内容过大（上限 2 MB）");
    // Read at most the limit plus the few chunks a stream keeps queued, then cancelled: a
    // cancelled stream is never pulled again.
    expect(pulled()).toBeLessThan(2 * MB + 4 * 64 * 1024);
    await vi.waitFor(() => expect(cancelled()).toBe(true), { timeout: 2000 });
  });

  it("refuses a declared Content-Length over the limit before reading a byte", async () => {
    const { stream, pulled } = endlessBody();
    const error = await refusal(readBody(post(stream, { "content-length": String(200 * MB) }), 2 * MB));
    expect(error.status).toBe(413);
    expect(pulled()).toBeLessThanOrEqual(64 * 1024);
  });

  it("does not believe a Content-Length under the limit when more arrives", async () => {
    const { stream } = endlessBody();
    const error = await refusal(readBody(post(stream, { "content-length": "10" }), 2 * MB));
    expect(error.status).toBe(413);
  });

  it("reads JSON up to the limit exactly, and not a byte over", async () => {
    const padding = "x".repeat(JSON_BODY_MAX_BYTES - '{"a":""}'.length);
    expect(await readJsonBody(post(JSON.stringify({ a: padding })))).toEqual({ a: padding });
    const error = await refusal(readJsonBody(post(JSON.stringify({ a: padding + "x" }))));
    expect(error.status).toBe(413);
  });

  it("answers 400 to malformed JSON and undefined to an empty body", async () => {
    expect((await refusal(readJsonBody(post('{"title": "稿件"')))).status).toBe(400);
    expect((await refusal(readJsonBody(post(new Uint8Array([0x7b, 0xff, 0x7d]))))).status).toBe(400);
    expect(await readJsonBody(post(null))).toBeUndefined();
    expect(await readJsonBody(post(JSON.stringify({ title: "大会成果" })))).toEqual({ title: "大会成果" });
  });

  it("parses a multipart form within the limit and refuses one over it", async () => {
    const form = new FormData();
    form.set("alt", "会场全景");
    form.set("file", new Blob([new Uint8Array(1000)], { type: "image/png" }), "a.png");
    const request = new Request("http://localhost/api/admin/media", { method: "POST", body: form });
    const parsed = await readFormBody(request, 10_000);
    expect(parsed.get("alt")).toBe("会场全景");
    expect((parsed.get("file") as File).size).toBe(1000);

    const big = new FormData();
    big.set("file", new Blob([new Uint8Array(20_000)]), "a.png");
    const error = await refusal(
      readFormBody(new Request("http://localhost/api/admin/media", { method: "POST", body: big }), 10_000),
    );
    expect(error.status).toBe(413);
  });

  it("has one limit table for the gate and the routes", () => {
    expect(bodyRuleFor("POST", "/api/admin/releases")).toEqual({ maxBytes: 2 * MB, requiresSession: true });
    expect(bodyRuleFor("PATCH", "/api/admin/releases/1")).toEqual({
      maxBytes: 2 * MB,
      requiresSession: true,
    });
    expect(bodyRuleFor("POST", "/api/admin/media")).toEqual({
      maxBytes: 10 * MB + 64 * 1024,
      requiresSession: true,
    });
    expect(bodyRuleFor("POST", "/api/auth/callback/credentials")).toEqual({
      maxBytes: 8 * 1024,
      requiresSession: false,
    });
    expect(bodyRuleFor("POST", "/api/releases/wmc-2023-results/views")).toEqual({
      maxBytes: 1024,
      requiresSession: false,
    });
    expect(bodyRuleFor("GET", "/api/admin/releases")).toBeNull();
    // Pages take no body at all.
    expect(bodyRuleFor("POST", "/releases/wmc-2023-results")).toEqual({
      maxBytes: 0,
      requiresSession: false,
    });
  });
});

describe("JSON nesting", () => {
  it("takes what forms nest, and refuses deeper JSON than any form of ours has (it failed in the database)", () => {
    const nest = (depth: number) => JSON.parse("[".repeat(depth) + "]".repeat(depth)) as unknown;
    expect(jsonDepthWithin({ release: { figures: [{ key: "a" }] } }, JSON_MAX_DEPTH)).toBe(true);
    expect(jsonDepthWithin(nest(JSON_MAX_DEPTH), JSON_MAX_DEPTH)).toBe(true);
    expect(jsonDepthWithin(nest(JSON_MAX_DEPTH + 1), JSON_MAX_DEPTH)).toBe(false);
    expect(jsonDepthWithin({ work: [{ a: nest(5_000) }] }, JSON_MAX_DEPTH)).toBe(false);
    expect(jsonDepthWithin("text", 0)).toBe(true);
  });

  it("answers a body nested too deep with 400 in the one error body", async () => {
    const deep = `{"work":[${"[".repeat(1_000)}${"]".repeat(1_000)}]}`;
    const request = new Request("http://localhost/api/admin/x", { method: "POST", body: deep });
    await expect(readJsonBody(request)).rejects.toMatchObject({ status: 400 });
  });
});
