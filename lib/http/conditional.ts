import crypto from "node:crypto";

// Shared caches (this server's response cache, the nginx front) keep public answers as long as the
// data cache behind them (lib/cache/cached-query.ts) and are purged on every public change. Keeping a
// copy also lets them answer from it while the database is down (stale-if-error, issue 10 §3);
// browsers still revalidate each time (max-age=0) or after a minute (feeds).
export const SHARED_CACHE_SECONDS = 3600;
export const PUBLIC_CACHE_CONTROL = `public, max-age=0, s-maxage=${SHARED_CACHE_SECONDS}, must-revalidate`;

/**
 * A response with an ETag (and Last-Modified when known) that answers 304 to a matching
 * conditional request. Bodies come from the data cache, so hashing them is the only work.
 */
export function conditionalResponse(
  request: Request,
  body: string,
  init: { contentType: string; lastModified?: Date; cacheControl?: string; headers?: Record<string, string> },
): Response {
  const etag = `"${crypto.createHash("sha1").update(body).digest("base64url")}"`;
  const headers: Record<string, string> = {
    "content-type": init.contentType,
    etag,
    "cache-control": init.cacheControl ?? PUBLIC_CACHE_CONTROL,
    ...init.headers,
  };
  if (init.lastModified) headers["last-modified"] = init.lastModified.toUTCString();

  const ifNoneMatch = request.headers.get("if-none-match");
  const ifModifiedSince = request.headers.get("if-modified-since");
  const matches = ifNoneMatch
    ? ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag || tag.trim() === "*")
    : Boolean(
        ifModifiedSince &&
        init.lastModified &&
        Math.floor(init.lastModified.getTime() / 1000) <= Math.floor(Date.parse(ifModifiedSince) / 1000),
      );
  if (matches) return new Response(null, { status: 304, headers });
  return new Response(request.method === "HEAD" ? null : body, { status: 200, headers });
}
