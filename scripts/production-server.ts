// The production server (npm start, the benchmark and the end-to-end tests): Next behind the
// in-process shared response cache (lib/http/response-cache.ts). The database is prepared by the
// parent (scripts/serve.ts); this process only serves.
import http from "node:http";
import next from "next";
import { stampSocketAddress } from "../lib/auth/client-ip";
import { getConfig } from "../lib/config";
import { answerOutagesWith503 } from "../lib/http/outage-response";
import { gateRequest } from "../lib/http/request-gate";
import { handleOpsRequest, startMetricsListener } from "../lib/http/ops-endpoints";
import { observeRequest } from "../lib/http/request-log";
import { loadRoutePatterns } from "../lib/http/route-pattern";
import { createRequestLogger } from "../lib/observability/logger";
import { watchPublicChangeSignal } from "../lib/http/public-change-signal";
import { ResponseCache } from "../lib/http/response-cache";
import { runShutdownHooks } from "../lib/shutdown";

async function main() {
  const { PORT: port, RESPONSE_CACHE_MB, METRICS_PORT, METRICS_HOST, METRICS_TOKEN } = getConfig();
  const app = next({ dev: false, dir: process.cwd(), hostname: "localhost", port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const cache = new ResponseCache(RESPONSE_CACHE_MB * 1024 * 1024);
  const serve = (req: http.IncomingMessage, res: http.ServerResponse) => {
    // The client's address for the sign-in limit, in a header no client can set (lib/auth/client-ip.ts).
    stampSocketAddress(req);
    // A request that changed what readers see (an editor's or the cache watcher's) empties the cache; reads never do.
    if (req.method !== "GET" && req.method !== "HEAD")
      watchPublicChangeSignal(res, () => cache.purgeAfterChange());
    cache.handle(req, res, () => {
      // Only what reaches Next pays for this: a 500 during a database outage becomes 503 (a stale copy first).
      answerOutagesWith503(req, res);
      handle(req, res).catch((error: unknown) => {
        console.error(error);
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
        res.end("服务器内部错误 / Internal server error");
      });
    });
  };
  // Request id, log line and metrics for every request; health, readiness and metrics before anything else.
  const logger = createRequestLogger();
  const routes = loadRoutePatterns();
  const cacheBytes = () => cache.size.bytes + cache.staleSize.bytes;
  const metricsServer = METRICS_PORT
    ? startMetricsListener({ port: METRICS_PORT, host: METRICS_HOST, cacheBytes })
    : undefined;
  // The gate (lib/http/request-gate.ts) refuses unauthenticated and oversized bodies before Next reads them.
  const server = http.createServer((req, res) => {
    observeRequest(req, res, { logger, routes });
    if (handleOpsRequest(req, res, { metricsToken: METRICS_TOKEN, cacheBytes })) return;
    void gateRequest(req, res, () => serve(req, res));
  });
  server.listen(port, () => {
    const cacheNote = RESPONSE_CACHE_MB > 0 ? `response cache ${RESPONSE_CACHE_MB} MB` : "response cache off";
    console.log(`▲ Pressroom (Next.js production server) ready on http://localhost:${port} (${cacheNote})`);
  });

  let closing = false;
  const close = () => {
    if (closing) return;
    closing = true;
    server.close();
    server.closeIdleConnections();
    metricsServer?.close();
    // Counted views and other in-memory work are written before the process goes (lib/shutdown.ts).
    void runShutdownHooks().finally(() => app.close().finally(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on("SIGINT", close);
  process.on("SIGTERM", close);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
