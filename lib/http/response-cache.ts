import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import crypto from "node:crypto";
import zlib from "node:zlib";
import { hashedPublicPolicy } from "./security-headers.mjs";
import { nextInlineScriptHashes } from "./script-hashes";

/**
 * A shared HTTP cache in front of Next, in the production server's own process (the role a CDN or
 * Varnish plays, without a second thing to deploy). It keeps the exact bytes Next sent for public
 * responses that Next itself declares shareable (`s-maxage`) and replays them without entering
 * Next, which costs 1-2 ms of CPU per request even for a page from its cache. It is emptied by the
 * public-change event (lib/http/public-change-signal.ts: a change made on this server, or this
 * server's invalidation watcher refreshing Next's tags after a change made elsewhere), and keeps
 * nothing for a second after (purgeAfterChange), so it never holds a copy Next rendered before it
 * applied the change.
 *
 * It also gives every public HTML answer its Content-Security-Policy: the hashes of the inline
 * scripts Next wrote into it (lib/http/script-hashes.ts). The HTML is held until it is complete, so
 * the header can go before the body, computed once when an answer is stored and replayed on HITs;
 * this runs whether or not the answer is stored (RESPONSE_CACHE_MB=0, 404 pages, uncached requests).
 */

type Entry = {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  storedAt: number;
  expiresAt: number;
};

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
const HOP_HEADERS = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "date",
  "age",
  "content-length",
  "x-pressroom-cache",
  // Each request's own (lib/http/request-log.ts): a replay must not answer with the first reader's.
  "x-request-id",
]);
const MAX_ENTRY_BYTES = 2 * 1024 * 1024;
// Pages rendered per request carry proxy.ts's nonce-based policy: never touched here.
const NONCE_POLICY_PATHS = /^\/(admin|signin|preview)(\/|\?|$)/;

// The query parameters each cacheable path reads, in key order, each with the one spelling of a
// value that is cached. A query with anything else (an unknown or repeated parameter, a value
// spelled otherwise) is not cached at all: dropping the unknown part from the key would be as
// bounded, but would replay one answer for URLs the app might answer differently (a parameter read
// later and forgotten here would become a cache-poisoning hole), and the app reads values loosely
// (limit=20, 020, 2e1 and +20 are one page), so each spelling cached would be another entry
// pushing out real pages.
const QUERY_PARAMETERS: Record<string, ReadonlyArray<readonly [string, RegExp]>> = {
  "/api/releases": [
    // A cursor as the server hands it out (base64url); the app refuses any that names no public
    // release or not that release's exact moment (lib/releases/queries.ts publicCursor).
    ["cursor", /^[A-Za-z0-9_-]{1,200}$/],
    ["limit", /^[1-9][0-9]?$/],
    ["category", /^[a-z0-9]+(?:-[a-z0-9]+)*$/],
  ],
};
const MAX_KEY_LENGTH = 512;

/**
 * The cache key of a request's URL, or null when it must not be cached: the path, then only the
 * parameters that path reads, each once, in a fixed order and encoding, so a client cannot make new
 * entries with parameters the app ignores or by reordering and re-encoding the ones it reads.
 */
export function cacheKeyOf(url: string): string | null {
  if (url.length > MAX_KEY_LENGTH * 3) return null;
  const queryAt = url.indexOf("?");
  const path = queryAt < 0 ? url : url.slice(0, queryAt);
  const query = queryAt < 0 ? "" : url.slice(queryAt + 1);
  // Percent-encoded paths are spellings of the same page a client can vary without end: not cached.
  if (path.length > MAX_KEY_LENGTH || path.includes("%")) return null;
  if (query === "") return path;
  const allowed = QUERY_PARAMETERS[path];
  if (!allowed) return null;
  const values = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(query)) {
    const spelling = allowed.find(([allowedName]) => allowedName === name)?.[1];
    if (!spelling || !spelling.test(value) || values.has(name)) return null;
    values.set(name, value);
  }
  const normalised = allowed
    .filter(([name]) => values.has(name))
    .map(([name]) => `${name}=${encodeURIComponent(values.get(name) ?? "")}`);
  const key = normalised.length ? `${path}?${normalised.join("&")}` : path;
  return key.length > MAX_KEY_LENGTH ? null : key;
}

const KNOWN_ENCODINGS = new Set(["br", "gzip", "deflate", "identity", "*"]);

/** "gzip, br;q=0.5, x;q=1" -> "br,gzip": the known encodings a client accepts (q > 0), in a fixed order. */
export function acceptedEncodings(header: string | undefined): string {
  const raw = header ?? "";
  const known = encodingMemo.get(raw);
  if (known !== undefined) return known;
  const result = parseAcceptedEncodings(raw);
  // Browsers send a handful of distinct headers: remember them (bounded, so varied ones cannot grow it).
  if (encodingMemo.size >= 64) encodingMemo.clear();
  encodingMemo.set(raw, result);
  return result;
}
const encodingMemo = new Map<string, string>();

function parseAcceptedEncodings(header: string): string {
  const accepted = new Set<string>();
  for (const part of header.slice(0, 256).toLowerCase().split(",")) {
    const [name, ...parameters] = part.split(";").map((piece) => piece.trim());
    const q = parameters.find((p) => p.startsWith("q="));
    if (KNOWN_ENCODINGS.has(name) && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  return [...accepted].sort().join(",");
}

function isHtml(headers: OutgoingHttpHeaders): boolean {
  return /^\s*text\/html\b/i.test(headerValue(headers["content-type"]) ?? "");
}

/** The HTML as the browser will parse it, whatever Next compressed it with; null when unreadable. */
function decodedText(body: Buffer, contentEncoding: string | undefined): string | null {
  try {
    const encoding = (contentEncoding ?? "identity").trim().toLowerCase();
    if (encoding === "identity" || encoding === "") return body.toString("utf8");
    if (encoding === "gzip" || encoding === "x-gzip") return zlib.gunzipSync(body).toString("utf8");
    if (encoding === "br") return zlib.brotliDecompressSync(body).toString("utf8");
    if (encoding === "deflate") return zlib.inflateSync(body).toString("utf8");
    return null;
  } catch {
    return null;
  }
}

/**
 * The public policy for this HTML: its own inline scripts of Next's, and nothing else inline.
 * Remembered by the digest of the bytes: an answer the response cache does not keep (a request
 * with credentials, RESPONSE_CACHE_MB=0) is mostly Next's own cached copy again, and decompressing
 * and scanning it each time was a fifth of such a request's time (bounded, so varied pages cannot grow it).
 */
export function htmlPolicy(body: Buffer, contentEncoding: string | undefined): string {
  const encoding = (contentEncoding ?? "").trim().toLowerCase();
  const key = `${encoding}:${crypto.createHash("sha256").update(body).digest("base64")}`;
  const known = policyMemo.get(key);
  if (known !== undefined) {
    // Most recently used last, so eviction takes the page nobody asked for longest.
    policyMemo.delete(key);
    policyMemo.set(key, known);
    return known;
  }
  const html = decodedText(body, contentEncoding);
  const policy = hashedPublicPolicy(html === null ? [] : nextInlineScriptHashes(html));
  if (policyMemo.size >= POLICY_MEMO_SIZE) policyMemo.delete(policyMemo.keys().next().value!);
  policyMemo.set(key, policy);
  return policy;
}
const POLICY_MEMO_SIZE = 256;
const policyMemo = new Map<string, string>();
export const policyMemoSize = () => policyMemo.size;

/** Seconds a shared cache may keep a response, or 0 when it must not (Next's Cache-Control says). */
export function sharedMaxAge(cacheControl: string | undefined): number {
  if (!cacheControl || /\b(private|no-store|no-cache)\b/i.test(cacheControl)) return 0;
  const match = /\bs-maxage=(\d+)/i.exec(cacheControl);
  return match ? Number(match[1]) : 0;
}

/** True for answers that may be shared: a 200 whose Cache-Control allows shared caches, no cookie, not stale. */
function isStorable(status: number, headers: OutgoingHttpHeaders): boolean {
  if (status !== 200 || headers["set-cookie"] !== undefined) return false;
  if (headerValue(headers["x-nextjs-cache"])?.toUpperCase() === "STALE") return false;
  return sharedMaxAge(headerValue(headers["cache-control"])) > 0;
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

const SETTLE_MS = 1000;

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

  get staleSize() {
    return { entries: this.stale.size, bytes: this.staleBytes };
  }

  // Answers that were purged or expired are kept, within the same memory budget, for one use:
  // when the app fails (5xx: the database is down), a reader gets the last good copy instead of
  // an error (stale-if-error). They are never served while the app answers.
  private stale = new Map<string, Entry>();
  private staleBytes = 0;

  purge() {
    this.generation++;
    for (const [key, entry] of this.entries) this.keepStale(key, entry);
    this.entries.clear();
    this.bytes = 0;
  }

  private keepStale(key: string, entry: Entry) {
    this.dropStale(key);
    this.stale.set(key, entry);
    this.staleBytes += entry.body.length;
  }

  private dropStale(key: string) {
    const old = this.stale.get(key);
    if (!old) return;
    this.stale.delete(key);
    this.staleBytes -= old.body.length;
  }

  // Answers to requests that start before this moment are not stored (purgeAfterChange).
  private storeFrom = 0;

  /**
   * After a request changed public content (lib/http/public-change-signal.ts). Next applies that
   * request's revalidateTag in a waitUntil that may end after the response did, so a page rendered
   * in between can still be the old one: nothing is stored until that has surely happened. (Purging
   * again a second later instead let such a copy be replayed for up to that second, after Next
   * itself already answered with the new page.)
   */
  purgeAfterChange(settleMs = SETTLE_MS) {
    this.purge();
    this.storeFrom = Math.max(this.storeFrom, this.now() + settleMs);
  }

  /** Answers from the cache when it can; otherwise lets `app` answer, keeping a copy when allowed. */
  handle(req: IncomingMessage, res: ServerResponse, app: () => void) {
    const key = isCacheableRequest(req) ? cacheKeyOf(req.url ?? "") : null;
    if (key !== null && this.serve(this.encodingKey(req, key), res)) return;
    const storeKey =
      key !== null && req.method === "GET" && this.maxBytes > 0 && this.now() >= this.storeFrom
        ? this.encodingKey(req, key)
        : null;
    const hashScripts = req.method === "GET" && !NONCE_POLICY_PATHS.test(req.url ?? "");
    if (storeKey !== null || hashScripts) this.intercept(res, storeKey, hashScripts);
    app();
  }

  private serve(key: string, res: ServerResponse): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    const now = this.now();
    if (entry.expiresAt <= now) {
      this.remove(key, entry);
      this.keepStale(key, entry);
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

  /**
   * Watches what the app sends. At writeHead the status and headers decide: public HTML is held
   * until complete (its policy header depends on its scripts; pages are bounded by MAX_ENTRY_BYTES,
   * a larger one is let through with the no-inline default), a storable answer is copied as it
   * streams (up to MAX_ENTRY_BYTES, then no more), and anything else streams straight through
   * without a byte kept.
   */
  private intercept(res: ServerResponse, storeKey: string | null, hashScripts: boolean) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- inside the patched methods `this` is the response
    const cache = this;
    const generation = this.generation;
    let mode: "undecided" | "hold" | "copy" | "pass" | "stale" = "undecided";
    let status = 200;
    let headArgs: unknown[] = [];
    const chunks: Buffer[] = [];
    let length = 0;
    const explicitHeaders: OutgoingHttpHeaders = {};

    if (storeKey !== null) res.setHeader("x-pressroom-cache", "MISS");
    // Called through apply: Node's overloads (chunk, encoding, callback) pass through unchanged.
    const writeHead = res.writeHead as (...args: unknown[]) => ServerResponse;
    const write = res.write as (...args: unknown[]) => boolean;
    const end = res.end as (...args: unknown[]) => ServerResponse;
    const flushHeaders = res.flushHeaders;
    const allHeaders = (): OutgoingHttpHeaders => ({ ...res.getHeaders(), ...explicitHeaders });

    const keep = (chunk: unknown, encoding?: unknown): boolean => {
      if (chunk === undefined || chunk === null || typeof chunk === "function") return true;
      const buffer =
        typeof chunk === "string"
          ? Buffer.from(chunk, (typeof encoding === "string" ? encoding : "utf8") as BufferEncoding)
          : Buffer.from(chunk as Uint8Array);
      length += buffer.length;
      if (length > MAX_ENTRY_BYTES) return false;
      chunks.push(buffer);
      return true;
    };
    const forget = () => {
      chunks.length = 0;
      length = 0;
    };
    // The held head goes out as it was given; what was held follows it (a page too large to hash).
    const release = (self: ServerResponse) => {
      mode = "pass";
      writeHead.apply(self, [status, ...headArgs]);
      for (const chunk of chunks) write.apply(self, [chunk]);
      forget();
    };

    res.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
      const headers = rest.find((arg) => typeof arg === "object" && arg !== null);
      if (Array.isArray(headers)) {
        for (let i = 0; i + 1 < headers.length; i += 2)
          explicitHeaders[String(headers[i]).toLowerCase()] = headers[i + 1];
      } else if (headers) {
        for (const [name, value] of Object.entries(headers))
          explicitHeaders[name.toLowerCase()] = value as OutgoingHttpHeaders[string];
      }
      if (mode === "undecided" && statusCode >= 500 && storeKey !== null && cache.stale.has(storeKey)) {
        mode = "stale";
        return this;
      }
      if (mode === "undecided") {
        const headersNow = allHeaders();
        if (hashScripts && isHtml(headersNow)) mode = "hold";
        else mode = storeKey !== null && isStorable(statusCode, headersNow) ? "copy" : "pass";
      }
      status = statusCode;
      if (mode !== "hold") return writeHead.apply(this, [statusCode, ...rest]);
      headArgs = rest;
      this.statusCode = statusCode;
      return this;
    } as ServerResponse["writeHead"];

    res.flushHeaders = function (this: ServerResponse) {
      if (mode !== "hold") flushHeaders.call(this);
    };

    res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
      if (mode === "undecided") this.writeHead(this.statusCode);
      if (mode === "stale") {
        const callback = rest.find((arg) => typeof arg === "function");
        if (typeof callback === "function") process.nextTick(callback);
        return true;
      }
      if (mode === "hold") {
        if (keep(chunk, rest[0])) {
          const callback = rest.find((arg) => typeof arg === "function");
          if (typeof callback === "function") process.nextTick(callback);
          return true;
        }
        release(this);
        return write.apply(this, [chunk, ...rest]);
      }
      if (mode === "copy" && !keep(chunk, rest[0])) {
        mode = "pass";
        forget();
      }
      return write.apply(this, [chunk, ...rest]);
    } as ServerResponse["write"];

    res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
      if (mode === "undecided") this.writeHead(this.statusCode);
      if (mode === "stale") {
        // The app failed: the last good copy instead, marked as such. Node's own headers set by the app are dropped.
        const entry = cache.stale.get(storeKey!)!;
        for (const name of this.getHeaderNames()) this.removeHeader(name);
        mode = "pass";
        writeHead.apply(this, [
          entry.status,
          {
            ...entry.headers,
            "content-length": String(entry.body.length),
            "x-pressroom-cache": "STALE",
            "cache-control": "no-store",
          },
        ]);
        const callback = rest.find((arg) => typeof arg === "function");
        return end.apply(
          this,
          typeof callback === "function"
            ? [this.req?.method === "HEAD" ? undefined : entry.body, callback]
            : [this.req?.method === "HEAD" ? undefined : entry.body],
        );
      }
      if (mode === "copy") {
        if (keep(chunk, rest[0]))
          cache.storeAnswer(storeKey, generation, status, allHeaders(), chunks, length);
        return end.apply(this, [chunk, ...rest]);
      }
      if (mode === "pass") return end.apply(this, [chunk, ...rest]);
      if (!keep(chunk, rest[0])) {
        release(this);
        return end.apply(this, [chunk, ...rest]);
      }
      // The whole page is here: its policy first, then the page in one piece.
      const body = Buffer.concat(chunks, length);
      forget();
      const headers = allHeaders();
      const policy = htmlPolicy(body, headerValue(headers["content-encoding"]));
      headers["content-security-policy"] = policy;
      const noBody = this.req?.method === "HEAD" || status === 204 || status === 304;
      const sent: OutgoingHttpHeaders = { ...explicitHeaders, "content-security-policy": policy };
      if (!noBody) sent["content-length"] = String(body.length);
      this.removeHeader("content-security-policy");
      mode = "pass";
      writeHead.apply(this, [status, ...headArgs.filter((arg) => typeof arg === "string"), sent]);
      cache.storeAnswer(storeKey, generation, status, { ...headers, ...sent }, [body], body.length);
      const callback = rest.find((arg) => typeof arg === "function");
      return end.apply(this, typeof callback === "function" ? [body, callback] : [body]);
    } as ServerResponse["end"];
  }

  /** Keeps an answer the app sent if it may be shared and no purge happened while it was made. */
  private storeAnswer(
    key: string | null,
    generation: number,
    status: number,
    sentHeaders: OutgoingHttpHeaders,
    chunks: Buffer[],
    length: number,
  ) {
    if (key === null || generation !== this.generation || length > MAX_ENTRY_BYTES) return;
    if (!isStorable(status, sentHeaders)) return;
    const maxAge = sharedMaxAge(headerValue(sentHeaders["cache-control"]));
    const headers: OutgoingHttpHeaders = { ...sentHeaders };
    for (const name of Object.keys(headers)) if (HOP_HEADERS.has(name)) delete headers[name];
    const body = Buffer.concat(chunks, length);
    const now = this.now();
    this.store(key, { status, headers, body, storedAt: now, expiresAt: now + maxAge * 1000 });
  }

  private store(key: string, entry: Entry) {
    if (entry.body.length > this.maxBytes) return;
    const previous = this.entries.get(key);
    if (previous) this.remove(key, previous);
    this.dropStale(key);
    this.entries.set(key, entry);
    this.bytes += entry.body.length;
    // One budget for both: stale copies go first, oldest first, then the least recently used answers.
    for (const staleKey of this.stale.keys()) {
      if (this.bytes + this.staleBytes <= this.maxBytes) break;
      this.dropStale(staleKey);
    }
    for (const [oldKey, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldKey, old);
    }
  }

  private remove(key: string, entry: Entry) {
    this.entries.delete(key);
    this.bytes -= entry.body.length;
  }

  // Next compresses according to Accept-Encoding, so each set of accepted encodings gets its own
  // copy (whichever Next picked, the client accepts it). Only the set counts, not the header's
  // spelling, so a client cannot make new entries by varying it.
  private encodingKey(req: IncomingMessage, urlKey: string): string {
    return `${acceptedEncodings(headerValue(req.headers["accept-encoding"]))}\n${urlKey}`;
  }
}
