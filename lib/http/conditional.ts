import crypto from "node:crypto";

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
    "cache-control": init.cacheControl ?? "public, max-age=0, must-revalidate",
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
