import fs from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { PRODUCTION_SERVER_ARGS } from "./scripts/node-options";

// Driven by scripts/test.ts, which builds once and provides DATABASE_URL, NEXTAUTH_SECRET and E2E_PORT.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
// The server's stdout and stderr, for the test that no log line holds a password or session cookie.
export const E2E_SERVER_LOG = path.resolve("tests/e2e/.logs/server.log");
fs.mkdirSync(path.dirname(E2E_SERVER_LOG), { recursive: true });

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    // Reading tests see the seed data as seeded; the editorial tests, which publish, run after them.
    {
      name: "public",
      testMatch: /(public|feeds|csp|cache|search)\.spec\.ts/,
      use: { ...devices["Desktop Chrome"] },
      dependencies: ["setup"],
    },
    {
      name: "import",
      testMatch: /import\.spec\.ts/,
      use: { ...devices["Desktop Chrome"] },
      dependencies: ["setup"],
    },
    {
      name: "editorial",
      // cross-server: a second production server on the same database sees the changes made here.
      testMatch: /(editorial|editions|figure-grid|cross-server|media-s3|english)\.spec\.ts/,
      use: { ...devices["Desktop Chrome"] },
      dependencies: ["setup", "public"],
    },
    // Sign-in attacks use their own accounts and loopback addresses; they run after the reading tests,
    // whose timing (axe) a burst of sign-ins on two cores would disturb.
    {
      name: "auth",
      testMatch: /auth\.spec\.ts/,
      use: { ...devices["Desktop Chrome"] },
      dependencies: ["public"],
    },
    // Publishes four releases of 109 hostile payloads each: after the others, so it cannot slow their timed steps.
    {
      name: "security",
      testMatch: /xss\.spec\.ts/,
      use: { ...devices["Desktop Chrome"] },
      dependencies: ["setup", "editorial"],
    },
    // The last four run one after the other, never beside each other or anything else: each either
    // measures the machine (memory, cache directory, 2 s deadlines) or loads it (200 readers, 1000
    // paths). The outage test's readers beside nginx's timed checks made B miss its 2 s in CI.
    // Attacks on the server's limits: they measure its memory and cache directory.
    {
      name: "limits",
      testMatch: /limits\.spec\.ts/,
      dependencies: ["setup", "public", "import", "editorial", "auth", "security"],
    },
    // A second server whose database goes away for 10 s (issue 10 §3): after the limits, which measure
    // the shared cache directory; it signs in by itself (`--project outage --no-deps` runs it alone).
    { name: "outage", testMatch: /outage\.spec\.ts/, dependencies: ["limits"] },
    // Two more production servers and nginx in front (lib/deploy/nginx-config.ts), with 2 s deadlines
    // across servers. It signs in itself, so `--project nginx --no-deps` runs it alone.
    { name: "nginx", testMatch: /nginx\.spec\.ts/, dependencies: ["outage"] },
    // Health, readiness, metrics and request ids; 1000 random paths, so after the timed tests.
    { name: "ops", testMatch: /ops\.spec\.ts/, dependencies: ["setup", "nginx"] },
    // Reads the whole run's server log: last (it signs in itself too, so it also runs alone with --no-deps).
    {
      name: "logs",
      testMatch: /logs\.spec\.ts/,
      dependencies: ["setup", "public", "import", "editorial", "auth", "security", "limits", "outage", "ops"],
    },
  ],
  webServer: {
    // The same server as npm start: Next behind its response cache.
    // Run by a shell: its output goes to the log file (a server that fails to start says why there).
    command: `${["node", ...PRODUCTION_SERVER_ARGS].join(" ")} > ${JSON.stringify(E2E_SERVER_LOG)} 2>&1`,
    url: `${baseURL}/api/releases?limit=1`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(port),
      SITE_URL: baseURL,
      NEXTAUTH_URL: baseURL,
      NODE_ENV: "production",
      CACHE_POLL_MS: "300",
      // /metrics on its own loopback listener (and with METRICS_TOKEN, set by scripts/test.ts, on the main port).
      METRICS_PORT: String(port + 1),
    },
  },
});
