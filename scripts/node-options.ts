/**
 * Node options for the production server: a larger young generation. Each response Next renders
 * or replays allocates ~100 KB, and with the default 16 MB semi-space the server spent a good part
 * of its time in scavenges (measured with 64 MB: +15-20% requests/s on the release page, but
 * 470 MB resident; 32 MB keeps it under 400 MB).
 */
export function productionNodeOptions(): string {
  const current = process.env.NODE_OPTIONS ?? "";
  return current.includes("max-semi-space-size") ? current : `${current} --max-semi-space-size=32`.trim();
}

/** For any process that loads lib/ outside Next's bundles: lets it import the modules marked `server-only`. */
export const SERVER_ONLY_OUTSIDE_NEXT = ["--import", "./scripts/server-only-outside-next.mjs"];

/**
 * How npm start, the benchmark and the end-to-end tests run the production server: `node ...these`,
 * its compiled JavaScript (scripts/compile-server.ts, part of every build), so what is tested is
 * what a production install without devDependencies runs.
 */
export const PRODUCTION_SERVER_ARGS = [...SERVER_ONLY_OUTSIDE_NEXT, "dist/production-server.js"];
