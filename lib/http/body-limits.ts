import { AppError } from "../errors";

/**
 * The one table of request-body limits, used by the production server's gate (before Next sees a
 * request, lib/http/request-gate.ts) and by the routes themselves (readBody below), so `next dev`
 * and a route reached some other way refuse the same bodies.
 */
export const JSON_BODY_MAX_BYTES = 2 * 1024 * 1024;
// A multipart upload carries the file plus its boundaries and the alt/caption/credit fields.
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;
// next-auth's forms (CSRF token, e-mail, password, callback URL) and the view beacon (no body).
export const AUTH_BODY_MAX_BYTES = 8 * 1024;
export const BEACON_BODY_MAX_BYTES = 1024;

export type BodyRule = {
  maxBytes: number;
  /** Refuse at the gate, before reading a byte, unless the request carries a valid session cookie. */
  requiresSession: boolean;
};

export function mediaBodyMaxBytes(): number {
  // Read here rather than through getConfig(): the gate runs in the server process before Next,
  // and the config's other variables (DATABASE_URL …) are no concern of it.
  const configured = Number(process.env.MEDIA_MAX_BYTES);
  return (
    (Number.isInteger(configured) && configured > 0 ? configured : 10 * 1024 * 1024) +
    MULTIPART_OVERHEAD_BYTES
  );
}

/** The import assistant's upload: a release file (lib/import/read-upload.ts) or pasted text. */
export function importBodyMaxBytes(): number {
  return IMPORT_UPLOAD_MAX_BYTES + MULTIPART_OVERHEAD_BYTES;
}
// Stated here rather than imported from lib/import, which the server's gate need not load.
export const IMPORT_UPLOAD_MAX_BYTES = 2 * 1024 * 1024;

const BODY_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The limit for a request that may carry a body, or null for methods without one. */
export function bodyRuleFor(method: string | undefined, pathname: string): BodyRule | null {
  if (!BODY_METHODS.has((method ?? "").toUpperCase())) return null;
  if (pathname === "/api/admin/media") return { maxBytes: mediaBodyMaxBytes(), requiresSession: true };
  if (pathname === "/api/admin/releases/import/analyze")
    return { maxBytes: importBodyMaxBytes(), requiresSession: true };
  if (pathname.startsWith("/api/admin/")) return { maxBytes: JSON_BODY_MAX_BYTES, requiresSession: true };
  if (pathname.startsWith("/api/auth/")) return { maxBytes: AUTH_BODY_MAX_BYTES, requiresSession: false };
  if (/^\/api\/releases\/[^/]+\/views$/.test(pathname))
    return { maxBytes: BEACON_BODY_MAX_BYTES, requiresSession: false };
  if (pathname.startsWith("/api/")) return { maxBytes: JSON_BODY_MAX_BYTES, requiresSession: false };
  // Pages take no body (no server actions here), but Next copies one up to 10 MB for its proxy
  // before anything can refuse it: a page path gets no room at all.
  return { maxBytes: 0, requiresSession: false };
}

export function tooLargeError(maxBytes: number): AppError {
  if (maxBytes === 0) return new AppError("payload_too_large", "该地址不接受请求内容");
  const size =
    maxBytes >= 1024 * 1024
      ? `${Math.round(maxBytes / 1024 / 1024)} MB`
      : `${Math.round(maxBytes / 1024)} KB`;
  return new AppError("payload_too_large", `请求内容过大（上限 ${size}）`, { maxBytes });
}

/**
 * The body of a request, read as a stream and abandoned as soon as it passes `maxBytes` (413):
 * never request.json() or formData(), which buffer whatever a client sends. A declared
 * Content-Length over the limit is refused before reading anything.
 */
export async function readBody(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLargeError(maxBytes);
  if (!request.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(new ArrayBuffer(length));
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** A JSON body within the limit; an empty body is undefined. */
export async function readJsonBody(request: Request, maxBytes = JSON_BODY_MAX_BYTES): Promise<unknown> {
  const bytes = await readBody(request, maxBytes);
  if (bytes.byteLength === 0) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new AppError("bad_request", "请求内容不是有效的 JSON");
  }
  if (!jsonDepthWithin(value, JSON_MAX_DEPTH))
    throw new AppError("bad_request", `请求内容嵌套过深（上限 ${JSON_MAX_DEPTH} 层）`);
  return value;
}

/** No form of ours nests this deep; deeper JSON failed in the database (a 500) before this limit. */
export const JSON_MAX_DEPTH = 32;

/** Whether a parsed JSON value nests at most `max` arrays and objects deep (iterative: no stack to exhaust). */
export function jsonDepthWithin(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== "object" || item === null) continue;
    if (depth >= max) return false;
    for (const child of Array.isArray(item) ? item : Object.values(item)) stack.push([child, depth + 1]);
  }
  return true;
}

/** A multipart or urlencoded form within the limit (parsed by the platform once the bytes are in). */
export async function readFormBody(request: Request, maxBytes: number): Promise<FormData> {
  const bytes = await readBody(request, maxBytes);
  const contentType = request.headers.get("content-type") ?? "";
  try {
    return await new Response(bytes, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new AppError("bad_request", "请求内容不是有效的表单");
  }
}
