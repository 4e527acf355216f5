import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";

/**
 * A shared HTTP cache in front of Next, in the production server's own process (the role a CDN or
 * Varnish plays, without a second thing to deploy). It keeps the exact bytes Next sent for public
 * responses that Next itself declares shareable (`s-maxage`) and replays them without entering
 * Next, which costs 1-2 ms of CPU per request even for a page from its cache. It is emptied
 * whenever this server refreshes a cache tag (lib/cache/refresh-now.ts), so it is never staler
 * than Next's own cache.
 */

type Entry = { status: number; headers: OutgoingHttpHeaders; body: Buffer; storedAt: number; expiresAt: number };

// Requests that may get a different answer than the shared one: client-router fetches (RSC
// payloads, which Next varies on these headers), server actions, ranges, conditional requests
// (Next answers those itself from its ETags), credentials given explicitly.
const BYPASS_REQUEST_HEADERS = [
  "authorization",
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-action",
  "range",
  "if-none-match",
  "if-modified-since",
];
const NEVER_CACHED_PATHS = /^\/(admin|signin|preview|api\/admin|api\/auth|api\/internal)(\/|$)/;
// Per connection or per reply, never replayed.
const HOP_HEADERS = new Set(["connection", "keep-alive", "transfer-encoding", "date", "age", "content-length", "x-pressroom-cache"]);
const MAX_ENTRY_BYTES = 2 * 1024 * 1024;

/** Seconds a shared cache may keep a response, or 0 when it must not (Next's Cache-Control says). */
export function sharedMaxAge(cacheControl: string | undefined): number {
  if (!cacheControl || /\b(private|no-store|no-cache)\b/i.test(cacheControl)) return 0;
  const match = /\bs-maxage=(\d+)/i.exec(cacheControl);
  return match ? Number(match[1]) : 0;
}

export function isCacheableRequest(req: Pick<IncomingMessage, "method" | "url" | "headers">): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const url = req.url ?? "";
  if (!url.startsWith("/") || NEVER_CACHED_PATHS.test(url)) return false;
  return !BYPASS_REQUEST_HEADERS.some((name) => req.headers[name] !== undefined);
}

function headerValue(value: OutgoingHttpHeaders[string]): string | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(", ") : String(value);
}

export class ResponseCache {
  private entries = new Map<string, Entry>();
  private bytes = 0;
  // Bumped by every purge: a response that was being produced during a purge may predate the
  // change, so it is not stored.
  private generation = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly now: () => number = Date.now,
  ) {}

  get size() {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  purge() {
    this.generation++;
    this.entries.clear();
    this.bytes = 0;
  }

  /** Answers from the cache when it can; otherwise lets `app` answer, keeping a copy when allowed. */
  handle(req: IncomingMessage, res: ServerResponse, app: () => void) {
    if (!isCacheableRequest(req)) return app();
    const key = this.key(req);
    if (this.serve(key, res)) return;
    if (req.method === "GET") this.record(key, res);
    app();
  }

  private serve(key: string, res: ServerResponse): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    const now = this.now();
    if (entry.expiresAt <= now) {
      this.remove(key, entry);
      return false;
    }
    // Most recently used last, so eviction takes the oldest first.
    this.entries.delete(key);
    this.entries.set(key, entry);
    res.writeHead(entry.status, {
      ...entry.headers,
      "content-length": String(entry.body.length),
      age: String(Math.floor((now - entry.storedAt) / 1000)),
      "x-pressroom-cache": "HIT",
    });
    res.end(entry.body);
    return true;
  }

  /** Keeps a copy of the bytes the app sends, stored at the end if the answer may be shared. */
  private record(key: string, res: ServerResponse) {
    if (this.maxBytes === 0) return;
    const generation = this.generation;
    const chunks: Buffer[] = [];
    let length = 0;
    let tooLarge = false;
    const explicitHeaders: OutgoingHttpHeaders = {};

    const collect = (chunk: unknown, encoding?: unknown) => {
      if (tooLarge || chunk === undefined || chunk === null || typeof chunk === "function") return;
      const buffer = typeof chunk === "string" ? Buffer.from(chunk, (typeof encoding === "string" ? encoding : "utf8") as BufferEncoding) : Buffer.from(chunk as Uint8Array);
      length += buffer.length;
      if (length > MAX_ENTRY_BYTES) tooLarge = true;
      else chunks.push(buffer);
    };

    res.setHeader("x-pressroom-cache", "MISS");
    // Called through apply: Node's overloads (chunk, encoding, callback) pass through unchanged.
    const writeHead = res.writeHead as (...args: unknown[]) => ServerResponse;
    const write = res.write as (...args: unknown[]) => boolean;
    const end = res.end as (...args: unknown[]) => ServerResponse;
    res.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
      const headers = rest.find((arg) => typeof arg === "object" && arg !== null);
      if (Array.isArray(headers)) {
        for (let i = 0; i + 1 < headers.length; i += 2) explicitHeaders[String(headers[i]).toLowerCase()] = headers[i + 1];
      } else if (headers) {
        for (const [name, value] of Object.entries(headers)) explicitHeaders[name.toLowerCase()] = value as OutgoingHttpHeaders[string];
      }
      return writeHead.apply(this, [statusCode, ...rest]);
    } as ServerResponse["writeHead"];
    res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
      collect(chunk, rest[0]);
      return write.apply(this, [chunk, ...rest]);
    } as ServerResponse["write"];
    res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
      collect(chunk, rest[0]);
      return end.apply(this, [chunk, ...rest]);
    } as ServerResponse["end"];

    res.once("finish", () => {
      if (tooLarge || generation !== this.generation || res.statusCode !== 200) return;
      const headers: OutgoingHttpHeaders = { ...res.getHeaders(), ...explicitHeaders };
      if (headers["set-cookie"] !== undefined) return;
      if (headerValue(headers["x-nextjs-cache"])?.toUpperCase() === "STALE") return;
      const maxAge = sharedMaxAge(headerValue(headers["cache-control"]));
      if (maxAge <= 0) return;
      for (const name of Object.keys(headers)) if (HOP_HEADERS.has(name)) delete headers[name];
      const body = Buffer.concat(chunks, length);
      const now = this.now();
      this.store(key, { status: 200, headers, body, storedAt: now, expiresAt: now + maxAge * 1000 });
    });
  }

  private store(key: string, entry: Entry) {
    if (entry.body.length > this.maxBytes) return;
    const previous = this.entries.get(key);
    if (previous) this.remove(key, previous);
    this.entries.set(key, entry);
    this.bytes += entry.body.length;
    for (const [oldKey, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldKey, old);
    }
  }

  private remove(key: string, entry: Entry) {
    this.entries.delete(key);
    this.bytes -= entry.body.length;
  }

  // Next compresses according to Accept-Encoding, so each distinct header gets its own copy.
  private key(req: IncomingMessage): string {
    const encoding = (headerValue(req.headers["accept-encoding"]) ?? "").toLowerCase().replace(/\s+/g, "");
    return `${encoding}\n${req.url}`;
  }
}

const REGISTRY = Symbol.for("pressroom.responseCache");
type Registry = { [REGISTRY]?: ResponseCache };

/** The production server installs its cache here; route code bundled by Next reaches it the same way. */
export function installResponseCache(cache: ResponseCache) {
  (globalThis as Registry)[REGISTRY] = cache;
}

// Next applies revalidateTag when the route handler that called it returns, a moment after this
// call: a page fetched from Next in between could still be the old one, so a second purge follows.
const SETTLE_MS = 1000;

export function purgeResponseCache() {
  const cache = (globalThis as Registry)[REGISTRY];
  if (!cache) return;
  cache.purge();
  setTimeout(() => cache.purge(), SETTLE_MS).unref();
}
