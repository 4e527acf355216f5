import crypto from "node:crypto";
import type http from "node:http";
import type { Logger } from "pino";
import { httpDuration, httpRequests, responseCacheLookups } from "../observability/metrics";
import type { RoutePatterns } from "./route-pattern";

// A caller's id is kept only if it is short and plain, so it cannot forge or break a log line.
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The X-Request-Id to use: the caller's when it is acceptable, else a new one. */
export function requestIdOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? undefined : header?.trim();
  return value && REQUEST_ID.test(value) ? value : crypto.randomUUID();
}

// Routes whose path carries a secret (a preview link's token): only the pattern is logged.
const SECRET_PATH_ROUTES = new Set(["/preview/[token]"]);

/**
 * Gives the request its id (on the request for the app, on the response for the caller), and when
 * the response is done writes one log line and counts it by route pattern. The query string is
 * never logged (it may hold a callback URL or a search), nor any header.
 */
export function observeRequest(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  options: { logger: Logger; routes: RoutePatterns },
): string {
  const started = process.hrtime.bigint();
  const requestId = requestIdOf(req.headers["x-request-id"]);
  req.headers["x-request-id"] = requestId;
  res.setHeader("x-request-id", requestId);
  const url = req.url ?? "/";
  const pathname = url.startsWith("/") ? url.split("?")[0]! : "";
  const route = options.routes.routeOf(pathname);
  const method = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"].includes(req.method ?? "")
    ? req.method!
    : "OTHER";

  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    // A response cut off before it finished counts as 499, as nginx logs a client that went away.
    const status = res.writableFinished ? res.statusCode : 499;
    httpRequests.inc({ route, method, status: String(status) });
    httpDuration.observe({ route, method }, seconds);
    const cache = res.getHeader("x-pressroom-cache");
    if (cache === "HIT") responseCacheLookups.inc({ result: "hit" });
    else if (cache === "MISS") responseCacheLookups.inc({ result: "miss" });
    options.logger.info(
      {
        requestId,
        method,
        route,
        path: SECRET_PATH_ROUTES.has(route) ? route : pathname.slice(0, 512),
        status,
        ms: Math.round(seconds * 10_000) / 10,
        cache: typeof cache === "string" ? cache : undefined,
      },
      "request",
    );
  };
  res.once("finish", finish);
  res.once("close", finish);
  return requestId;
}
