import crypto from "node:crypto";
import http from "node:http";
import { checkReadiness } from "../observability/readiness";
import { recordPoolUse } from "../observability/db-metrics";
import { metricsRegistry, responseCacheBytes } from "../observability/metrics";

const PLAIN = { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" };

function sameSecret(given: string, expected: string): boolean {
  const a = crypto.createHash("sha256").update(given).digest();
  const b = crypto.createHash("sha256").update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

async function sendMetrics(res: http.ServerResponse, cacheBytes: () => number) {
  recordPoolUse();
  responseCacheBytes.set(cacheBytes());
  const body = await metricsRegistry.metrics();
  res.writeHead(200, { "content-type": metricsRegistry.contentType, "cache-control": "no-store" });
  res.end(body);
}

export interface OpsOptions {
  /** Bearer token that opens /metrics on the main port; unset = /metrics is not served there. */
  metricsToken?: string;
  cacheBytes: () => number;
}

/**
 * /healthz, /readyz and (with the token) /metrics on the main port, answered before the request gate,
 * the response cache and Next: never cached, never behind the proxy's public index. Returns false for
 * every other path.
 */
export function handleOpsRequest(req: http.IncomingMessage, res: http.ServerResponse, options: OpsOptions) {
  const path = (req.url ?? "").split("?")[0];
  if (path !== "/healthz" && path !== "/readyz" && path !== "/metrics") return false;
  if (path === "/metrics") {
    if (!options.metricsToken) return false;
    const header = req.headers.authorization ?? "";
    const token = header.startsWith("Bearer ") ? header.slice(7) : "";
    if (!token || !sameSecret(token, options.metricsToken)) {
      res.writeHead(401, { ...PLAIN, "www-authenticate": "Bearer" });
      res.end("需要有效的访问令牌\n");
      return true;
    }
  }
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { ...PLAIN, allow: "GET, HEAD" });
    res.end("只支持 GET 请求\n");
    return true;
  }
  void answer(path, res, options).catch(() => {
    if (!res.headersSent) res.writeHead(500, PLAIN);
    res.end("fail\n");
  });
  return true;
}

async function answer(path: string, res: http.ServerResponse, options: OpsOptions) {
  if (path === "/healthz") {
    res.writeHead(200, PLAIN);
    res.end("ok\n");
  } else if (path === "/readyz") {
    const { ready, text } = await checkReadiness();
    res.writeHead(ready ? 200 : 503, PLAIN);
    res.end(text);
  } else {
    await sendMetrics(res, options.cacheBytes);
  }
}

/**
 * The metrics listener on METRICS_PORT: /metrics (and the health checks) without a token, for a
 * scraper on a private address. Binds to METRICS_HOST, loopback by default.
 */
export function startMetricsListener(options: { port: number; host: string; cacheBytes: () => number }) {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "").split("?")[0];
    if (path === "/metrics" && (req.method === "GET" || req.method === "HEAD")) {
      void sendMetrics(res, options.cacheBytes).catch(() => {
        if (!res.headersSent) res.writeHead(500, PLAIN);
        res.end("fail\n");
      });
      return;
    }
    if (handleOpsRequest(req, res, { cacheBytes: options.cacheBytes })) return;
    res.writeHead(404, PLAIN);
    res.end("未找到\n");
  });
  server.listen(options.port, options.host);
  return server;
}
