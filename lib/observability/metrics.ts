import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/**
 * The process's Prometheus metrics (served by lib/http/metrics-endpoint.ts). Kept on globalThis:
 * the production server script and Next's route bundles load their own copies of this module, and
 * every copy must count into the same registry.
 */
function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "pressroom_" });
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({
      name: "pressroom_http_requests_total",
      help: "HTTP requests by route pattern (never the raw path), method and status",
      labelNames: ["route", "method", "status"] as const,
      registers,
    }),
    httpDuration: new Histogram({
      name: "pressroom_http_request_duration_seconds",
      help: "Time from the request to the end of its response, by route pattern",
      labelNames: ["route", "method"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    logLinesDropped: new Counter({
      name: "pressroom_log_lines_dropped_total",
      help: "Request log lines dropped because the log output could not keep up",
      registers,
    }),
    responseCacheLookups: new Counter({
      name: "pressroom_response_cache_lookups_total",
      help: "Response cache lookups by result (hit or miss)",
      labelNames: ["result"] as const,
      registers,
    }),
    responseCacheBytes: new Gauge({
      name: "pressroom_response_cache_bytes",
      help: "Bytes held by the response cache",
      registers,
    }),
    dbPoolConnections: new Gauge({
      name: "pressroom_db_pool_connections",
      help: "Database pool connections by state (total, idle, waiting requests)",
      labelNames: ["state"] as const,
      registers,
    }),
    dbQueryErrors: new Counter({
      name: "pressroom_db_query_errors_total",
      help: "Database queries or connections that failed",
      registers,
    }),
    scheduledReleasesDue: new Counter({
      name: "pressroom_scheduled_releases_due_total",
      help: "Scheduled releases whose publish time passed (seen by this server's cache watcher)",
      registers,
    }),
    scheduledReleasesPublished: new Counter({
      name: "pressroom_scheduled_releases_published_total",
      help: "Scheduled releases made visible on this server (its caches refreshed)",
      registers,
    }),
    scheduledPublishLag: new Histogram({
      name: "pressroom_scheduled_publish_lag_seconds",
      help: "Time from a scheduled release's publishAt to its pages being refreshed on this server",
      buckets: [0.25, 0.5, 1, 2, 5, 10, 30, 60],
      registers,
    }),
    purgesSent: new Counter({
      name: "pressroom_cache_purges_sent_total",
      help: "Purge requests a front cache accepted, by cache",
      labelNames: ["cache"] as const,
      registers,
    }),
    purgesFailed: new Counter({
      name: "pressroom_cache_purges_failed_total",
      help: "Purge requests that failed (after retries), by cache",
      labelNames: ["cache"] as const,
      registers,
    }),
    signInFailures: new Counter({
      name: "pressroom_sign_in_failures_total",
      help: "Refused sign-ins by reason: invalid (wrong password or unknown account), locked (account locked after repeated failures), rateLimited (too many from one address)",
      labelNames: ["reason"] as const,
      registers,
    }),
  };
}

type Metrics = ReturnType<typeof createMetrics>;
const KEY = Symbol.for("pressroom.metrics");
const holder = globalThis as typeof globalThis & { [KEY]?: Metrics };
const metrics: Metrics = (holder[KEY] ??= createMetrics());

export const metricsRegistry = metrics.registry;
export const httpRequests = metrics.httpRequests;
export const httpDuration = metrics.httpDuration;
export const responseCacheLookups = metrics.responseCacheLookups;
export const logLinesDropped = metrics.logLinesDropped;
export const responseCacheBytes = metrics.responseCacheBytes;
export const dbPoolConnections = metrics.dbPoolConnections;
export const dbQueryErrors = metrics.dbQueryErrors;
export const scheduledReleasesDue = metrics.scheduledReleasesDue;
export const scheduledReleasesPublished = metrics.scheduledReleasesPublished;
export const scheduledPublishLag = metrics.scheduledPublishLag;
/** For the purge sender (lib/cache/http-cache-purge.ts): purgesSent.inc({ cache: "nginx" }). */
export const purgesSent = metrics.purgesSent;
export const purgesFailed = metrics.purgesFailed;
export const signInFailures = metrics.signInFailures;
