import type { IncomingMessage, ServerResponse } from "node:http";
import { databaseRecentlyUnavailable, RETRY_AFTER_SECONDS } from "../database/health";
import { DATABASE_UNAVAILABLE_MESSAGES, type ErrorBody } from "../errors";
import { escapeHtml } from "../content/escape-html";
import { getMessages } from "../i18n/messages";

/**
 * While the database is down, a request Next cannot answer from its caches fails with a 500 (a page
 * whose render failed, or a route that threw: routes let outages through on reads, so Next never
 * stores an error as the ISR copy of an address). Next offers no other status for a failed page, so
 * the production server turns such a 500 into what it is: 503 with Retry-After and a short page
 * (or, under /api/, the one JSON error body). It sits between the response cache and Next, so a
 * stale copy the cache holds still wins over it.
 */
export function answerOutagesWith503(req: IncomingMessage, res: ServerResponse) {
  const writeHead = res.writeHead as (...args: unknown[]) => ServerResponse;
  const write = res.write as (...args: unknown[]) => boolean;
  const end = res.end as (...args: unknown[]) => ServerResponse;
  let mode: "undecided" | "pass" | "replace" = "undecided";

  const decide = (statusCode: number) => {
    if (mode === "undecided") mode = statusCode === 500 && databaseRecentlyUnavailable() ? "replace" : "pass";
  };

  res.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    decide(statusCode);
    return mode === "replace" ? this : writeHead.apply(this, [statusCode, ...rest]);
  } as ServerResponse["writeHead"];

  const flushHeaders = res.flushHeaders;
  res.flushHeaders = function (this: ServerResponse) {
    decide(this.statusCode);
    if (mode !== "replace") flushHeaders.call(this);
  };

  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    decide(this.statusCode);
    if (mode !== "replace") return write.apply(this, [chunk, ...rest]);
    const callback = rest.find((arg) => typeof arg === "function");
    if (typeof callback === "function") process.nextTick(callback);
    return true;
  } as ServerResponse["write"];

  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    decide(this.statusCode);
    if (mode !== "replace") return end.apply(this, [chunk, ...rest]);
    mode = "pass";
    const { contentType, body } = outageAnswer(req);
    // Next's headers described its error page (type, caching, tags): only the security headers stay.
    for (const name of this.getHeaderNames()) if (!KEPT_HEADERS.has(name)) this.removeHeader(name);
    writeHead.apply(this, [
      503,
      {
        "content-type": contentType,
        "content-length": String(body.length),
        "cache-control": "no-store",
        "retry-after": String(RETRY_AFTER_SECONDS),
      },
    ]);
    const callback = rest.find((arg) => typeof arg === "function");
    const payload = req.method === "HEAD" ? undefined : body;
    return end.apply(this, typeof callback === "function" ? [payload, callback] : [payload]);
  } as ServerResponse["end"];
}

const KEPT_HEADERS = new Set([
  "content-security-policy",
  "x-frame-options",
  "referrer-policy",
  "x-content-type-options",
  "permissions-policy",
  "strict-transport-security",
]);

function outageAnswer(req: IncomingMessage): { contentType: string; body: Buffer } {
  const reading = req.method === "GET" || req.method === "HEAD";
  const message = DATABASE_UNAVAILABLE_MESSAGES[reading ? "read" : "write"];
  if ((req.url ?? "").startsWith("/api/")) {
    const body: ErrorBody = { error: { code: "unavailable", message } };
    return { contentType: "application/json; charset=utf-8", body: Buffer.from(JSON.stringify(body)) };
  }
  return { contentType: "text/html; charset=utf-8", body: Buffer.from(outagePage(req.url ?? "/")) };
}

/** A page of its own (Next cannot render one without the database): plain HTML, no script, the site's error-page look. */
export function outagePage(url: string): string {
  const t = getMessages().errors;
  // Only a path of this site (not "//host" or "/\host", which browsers read as another host).
  const retryHref = /^\/(?![/\\])[^\\]*$/.test(url) ? url : "/";
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(t.unavailableTitle)} · Pressroom</title>
<style>
body{margin:0;font-family:system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#1a1f2b;background:#f4f6fa;line-height:1.7}
main{max-width:34rem;margin:10vh auto;padding:2rem 1.25rem;text-align:center}
.code{font-size:4.5rem;font-weight:800;line-height:1;color:#0b3a82;margin:0}
h1{font-size:1.75rem;margin:1rem 0}
p{margin:0 0 1rem;color:#4a5263;overflow-wrap:anywhere}
a{display:inline-block;margin:.25rem .6rem;color:#0b3a82}
a:focus-visible{outline:3px solid #f5a623;outline-offset:2px}
</style>
</head>
<body>
<main id="main">
<p class="code" aria-hidden="true">503</p>
<h1>${escapeHtml(t.unavailableTitle)}</h1>
<p>${escapeHtml(t.outageText)}</p>
<p><a href="${escapeHtml(retryHref)}">${escapeHtml(t.retry)}</a><a href="/">${escapeHtml(t.backHome)}</a></p>
</main>
</body>
</html>
`;
}
