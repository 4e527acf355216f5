import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

// No password, session cookie or token in any line the server wrote during the run (stdout and
// stderr, captured by playwright.config.ts). Runs last; it signs in itself so it checks something
// when run alone too.
const LOG = path.resolve("tests/e2e/.logs/server.log");
// The accounts scripts/test.ts creates, and their passwords.
const PASSWORDS = ["admin", "editor", "publisher", "signin", "redirect", "drafts"].map(
  (n) => `e2e-${n}-password`,
);
const WRONG_PASSWORD = "logs-Wrong-Passw0rd-7731";

test("the server log holds request lines but no password, session cookie or token", async ({ request }) => {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const wrong = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: "admin@e2e.test", password: WRONG_PASSWORD, json: "true" },
  });
  expect((await wrong.json()).url).toContain("error");
  const right = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: "admin@e2e.test", password: "e2e-admin-password", json: "true" },
  });
  expect((await right.json()).url).not.toContain("error");
  const cookies = (await request.storageState()).cookies;
  const session = cookies.find((c) => c.name.includes("session-token"));
  expect(session?.value.length).toBeGreaterThan(20);
  const marker = `logs-${Date.now()}`;
  await request.get("/admin", { headers: { "x-request-id": marker } });

  // Every cookie value the run's sessions used: this test's and the stored ones of the setup project.
  const secrets = [...PASSWORDS, WRONG_PASSWORD, csrfToken as string, process.env.METRICS_TOKEN ?? ""];
  secrets.push(...cookies.map((c) => c.value).filter((v) => v.length >= 16));
  const authDir = path.resolve("tests/e2e/.auth");
  for (const file of fs.existsSync(authDir) ? fs.readdirSync(authDir) : [])
    for (const cookie of JSON.parse(fs.readFileSync(path.join(authDir, file), "utf8")).cookies ?? [])
      if (String(cookie.value).length >= 16) secrets.push(String(cookie.value));

  // The request's line is written when its response ends.
  await expect.poll(() => fs.readFileSync(LOG, "utf8").includes(marker), { timeout: 10_000 }).toBe(true);
  const log = fs.readFileSync(LOG, "utf8");
  const requestLines = log
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as { msg?: string; route?: string; requestId?: string });
  expect(requestLines.filter((l) => l.route === "/api/auth/[...nextauth]").length).toBeGreaterThanOrEqual(2);
  expect(requestLines.find((l) => l.requestId === marker)).toMatchObject({ route: "/admin" });
  for (const secret of secrets.filter(Boolean)) {
    expect(log.includes(secret), `a log line holds ${secret.slice(0, 6)}…`).toBe(false);
    // Also URL-encoded (a cookie or form value as it would appear in a logged URL or body).
    expect(log.includes(encodeURIComponent(secret))).toBe(false);
  }
});
