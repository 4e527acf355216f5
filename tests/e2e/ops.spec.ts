import crypto from "node:crypto";
import http from "node:http";
import { expect, test } from "@playwright/test";

// Health, readiness, metrics and request ids on the production server (lib/http/ops-endpoints.ts).
const port = Number(process.env.E2E_PORT ?? 3100);
const origin = `http://127.0.0.1:${port}`;
const metricsOrigin = `http://127.0.0.1:${port + 1}`;
const token = process.env.METRICS_TOKEN ?? "";

/** Scrapes the metrics listener; the value of one series (0 when absent) and the series of a metric. */
async function scrape() {
  const text = await (await fetch(`${metricsOrigin}/metrics`)).text();
  const lines = text.split("\n").filter((l) => l && !l.startsWith("#"));
  return {
    text,
    value: (series: string) => Number(lines.find((l) => l.startsWith(`${series} `))?.split(" ")[1] ?? 0),
    series: (name: string) => lines.filter((l) => l.startsWith(`${name}{`)).map((l) => l.split(" ")[0]!),
  };
}

test("/healthz and /readyz answer plain ok lines, uncached, and name no version or secret", async () => {
  const health = await fetch(`${origin}/healthz`);
  expect(health.status).toBe(200);
  expect(await health.text()).toBe("ok\n");
  const ready = await fetch(`${origin}/readyz`);
  expect(ready.status).toBe(200);
  expect(ready.headers.get("cache-control")).toBe("no-store");
  expect(ready.headers.get("x-powered-by")).toBeNull();
  const text = await ready.text();
  expect(text).toBe("database ok\nmigrations ok\ncache-watcher ok\npurge-targets ok\n");
  expect(text).not.toMatch(/\d+\.\d+|postgres|next|node/i);
});

test("/metrics is not public on the main port, needs the exact token there, and is open on the metrics port", async () => {
  const anonymous = await fetch(`${origin}/metrics`);
  expect(anonymous.status).toBe(401);
  expect(await anonymous.text()).not.toContain("pressroom_");
  for (const forged of [
    `Bearer ${token}0`,
    `Bearer ${token.toUpperCase()}`,
    `bearer ${token}`,
    `Bearer  ${token}`,
  ]) {
    const refused = await fetch(`${origin}/metrics`, { headers: { authorization: forged } });
    expect(refused.status).toBe(401);
  }
  const authorised = await fetch(`${origin}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  expect(authorised.status).toBe(200);
  expect(await authorised.text()).toContain("pressroom_http_requests_total");

  await fetch(`${origin}/releases/wmc-2023-results`);
  await fetch(`${origin}/releases/wmc-2023-results`);
  const { series, value } = await scrape();
  expect(series("pressroom_http_requests_total")).toContain(
    'pressroom_http_requests_total{route="/releases/[slug]",method="GET",status="200"}',
  );
  expect(value('pressroom_response_cache_lookups_total{result="hit"}')).toBeGreaterThan(0);
  expect(value('pressroom_db_pool_connections{state="total"}')).toBeGreaterThan(0);
  expect(value("pressroom_response_cache_bytes")).toBeGreaterThan(0);
});

test("X-Request-Id: a plain one comes back, a forged one is replaced, on fresh and cached answers", async () => {
  for (const path of ["/", "/", "/api/releases?limit=1"]) {
    const id = `e2e-${crypto.randomBytes(6).toString("hex")}`;
    const kept = await fetch(origin + path, { headers: { "x-request-id": id } });
    expect(kept.headers.get("x-request-id")).toBe(id);
  }
  for (const forged of ["x".repeat(500), "a b", "<script>", "id\u00e9"]) {
    const replaced = await fetch(`${origin}/`, {
      headers: { "x-request-id": encodeURI(forged).slice(0, 4000) },
    });
    const answered = replaced.headers.get("x-request-id") ?? "";
    if (encodeURI(forged) !== forged || forged.length > 64) expect(answered).toMatch(/^[0-9a-f-]{36}$/);
    expect(answered).not.toBe(forged);
  }
  const none = await fetch(`${origin}/healthz`);
  expect(none.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
});

test("1000 random paths add a bounded number of route labels, never the paths", async () => {
  test.setTimeout(120_000);
  const before = (await scrape()).series("pressroom_http_requests_total");
  const words = Array.from({ length: 1000 }, () => crypto.randomBytes(8).toString("hex"));
  const paths = words.map((word, i) => {
    return [
      `/${word}`,
      `/releases/${word}`,
      `/api/releases/${word}`,
      `/categories/${word}/page/${i}`,
      `/x/${word}/y`,
    ][i % 5]!;
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  for (let i = 0; i < paths.length; i += 50) {
    await Promise.all(
      paths.slice(i, i + 50).map(
        (path) =>
          new Promise<void>((resolve, reject) => {
            http
              .get({ host: "127.0.0.1", port, path, agent }, (res) => {
                res.resume();
                res.on("end", resolve);
              })
              .on("error", reject);
          }),
      ),
    );
  }
  agent.destroy();
  const after = (await scrape()).series("pressroom_http_requests_total");
  const added = after.filter((s) => !before.includes(s));
  // Route × status: /(unmatched), /releases/[slug], /api/releases/[slug], /categories/[slug]/page/[page], 404 or 400.
  expect(added.length).toBeLessThanOrEqual(10);
  for (const word of words) expect(after.join("\n")).not.toContain(word);
});
