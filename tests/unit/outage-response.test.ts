import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  databaseRecentlyUnavailable,
  noteDatabaseUnavailable,
  OUTAGE_MEMORY_MS,
  resetDatabaseHealth,
} from "@/lib/database/health";
import { answerOutagesWith503, outagePage } from "@/lib/http/outage-response";
import { ResponseCache } from "@/lib/http/response-cache";

type Upstream = (req: IncomingMessage, res: ServerResponse) => unknown;

const SHARED = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "s-maxage=3600, stale-while-revalidate=31532400",
};
const PAGE = "<!doctype html><html lang=zh-CN><title>大会成果</title><p>参会嘉宾1.6万名</p></html>";

// What Next sends for a page whose render failed: its error page, headers set one by one, status 500.
const nextErrorPage: Upstream = (_req, res) => {
  res.statusCode = 500;
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.setHeader("cache-control", "private, no-cache, no-store, max-age=0, must-revalidate");
  res.setHeader("x-content-type-options", "nosniff");
  res.flushHeaders();
  res.write("<!doctype html><p>出错了</p>");
  res.end("<p>Internal Server Error</p>");
};

const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});
beforeEach(() => resetDatabaseHealth());

/** A real HTTP server wired like scripts/production-server.ts: the response cache, then this layer, then "Next". */
async function serve(upstream: () => Upstream, cache = new ResponseCache(1024 * 1024)) {
  const server = http.createServer((req, res) => {
    cache.handle(req, res, () => {
      answerOutagesWith503(req, res);
      void upstream()(req, res);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { cache, get: (path: string, init?: RequestInit) => fetch(base + path, init) };
}

describe("a 500 while the database is down", () => {
  it("becomes 503 with Retry-After and a page of its own, keeping the security headers", async () => {
    noteDatabaseUnavailable();
    const { get } = await serve(() => nextErrorPage);
    const response = await get("/releases/never-seen");
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    // The public HTML policy is computed for this page too: it has no script at all.
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
    const body = await response.text();
    expect(body).toContain("<h1>数据库暂时不可用</h1>");
    expect(body).not.toContain("出错了");
    expect(body).not.toContain("<script");
    expect(body).toContain('<a href="/releases/never-seen">重试</a>');
  });

  it("answers the API with the one JSON error body; a write is told nothing was saved", async () => {
    noteDatabaseUnavailable();
    const { get } = await serve(() => (_req, res) => res.writeHead(500).end());
    const read = await get("/api/releases?limit=7");
    expect(read.status).toBe(503);
    expect(read.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await read.json()).toEqual({
      error: { code: "unavailable", message: "数据库暂时不可用，请稍后再试" },
    });
    const write = await get("/api/releases/x/views", { method: "POST" });
    expect(write.status).toBe(503);
    expect(await write.json()).toEqual({
      error: { code: "unavailable", message: "数据库暂时不可用，内容未保存，请稍后再试" },
    });
    const head = await get("/releases/x", { method: "HEAD" });
    expect(head.status).toBe(503);
    expect(await head.text()).toBe("");
  });

  it("gives way to a stale copy the response cache holds", async () => {
    let upstream: Upstream = (_req, res) => res.writeHead(200, SHARED).end(PAGE);
    const { cache, get } = await serve(() => upstream);
    expect((await get("/")).status).toBe(200);
    await expect.poll(() => cache.size.entries).toBe(1);
    cache.purge();
    noteDatabaseUnavailable();
    upstream = nextErrorPage;
    const during = await get("/");
    expect(during.status).toBe(200);
    expect(during.headers.get("x-pressroom-cache")).toBe("STALE");
    expect(await during.text()).toBe(PAGE);
  });

  it("leaves every other answer alone: a 500 of a working database, a 404, a 503 the app chose", async () => {
    const { get } = await serve(() => nextErrorPage);
    const failure = await get("/broken");
    expect(failure.status).toBe(500);
    expect(await failure.text()).toContain("出错了");

    noteDatabaseUnavailable();
    const notFound = await (
      await serve(() => (_req, res) => res.writeHead(404, { "content-type": "text/plain" }).end("没有"))
    ).get("/x");
    expect(notFound.status).toBe(404);
    expect(await notFound.text()).toBe("没有");
    const chosen = await (
      await serve(() => (_req, res) => res.writeHead(503, { "retry-after": "9" }).end("自己的"))
    ).get("/x");
    expect(chosen.headers.get("retry-after")).toBe("9");
    expect(await chosen.text()).toBe("自己的");
  });

  it("forgets an outage OUTAGE_MEMORY_MS after the last failed query", () => {
    const now = Date.now();
    noteDatabaseUnavailable(now);
    expect(databaseRecentlyUnavailable(now + OUTAGE_MEMORY_MS - 1)).toBe(true);
    expect(databaseRecentlyUnavailable(now + OUTAGE_MEMORY_MS)).toBe(false);
  });
});

describe("the outage page", () => {
  it("links only to paths of this site, escaped", () => {
    expect(outagePage("/releases/a?x=<script>")).toContain('href="/releases/a?x=&lt;script&gt;"');
    for (const hostile of [
      "//evil.example/",
      "/\\evil.example",
      "javascript:alert(1)",
      "http://evil.example",
    ]) {
      const page = outagePage(hostile);
      expect(page, hostile).toContain('<a href="/">重试</a>');
      expect(page, hostile).not.toContain("evil");
    }
  });
});
