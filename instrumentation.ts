export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  if (!process.env.DATABASE_URL || !process.env.PORT) return;
  const { startInvalidationWatcher } = await import("./lib/cache/invalidation-watcher");
  // Development renders on demand and has no build-time pages to refresh.
  startInvalidationWatcher({
    port: Number(process.env.PORT),
    pollMs: Number(process.env.CACHE_POLL_MS ?? 1000),
    refreshOnStart: process.env.NODE_ENV === "production",
  });
}
