import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import v8 from "node:v8";
import vm from "node:vm";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import {
  acceptedEncodings,
  cacheKeyOf,
  isCacheableRequest,
  ResponseCache,
  sharedMaxAge,
} from "@/lib/http/response-cache";

type Upstream = (req: IncomingMessage, res: ServerResponse) => unknown;

const PAGE = "<!doctype html><html lang=zh-CN><title>大会成果</title><p>参会嘉宾1.6万名</p></html>";
const SHARED = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "s-maxage=3600, stale-while-revalidate=31532400",
};

const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

/** A real HTTP server wired like scripts/production-server.ts, with `upstream` standing in for Next. */
async function serve(cache: ResponseCache, upstream: Upstream) {
  let upstreamCalls = 0;
  const open = new Set<Promise<void>>();
  const server = http.createServer((req, res) => {
    const closed = new Promise<void>((resolve) => res.once("close", resolve));
    open.add(closed);
    void closed.then(() => open.delete(closed));
    cache.handle(req, res, () => {
      upstreamCalls++;
      void upstream(req, res);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    get: (path: string, init?: RequestInit) => fetch(base + path, init),
    upstreamCalls: () => upstreamCalls,
    /** Resolves once every response the server has begun is closed: stored (or not) for good. */
    idle: async () => {
      while (open.size > 0) await Promise.all(open);
    },
  };
}

describe("shared cache policy", () => {
  it("reads how long a shared cache may keep a response", () => {
    expect(sharedMaxAge("s-maxage=3600, stale-while-revalidate=31532400")).toBe(3600);
    expect(sharedMaxAge("public, max-age=0, must-revalidate")).toBe(0);
    expect(sharedMaxAge("private, no-cache, no-store, max-age=0, must-revalidate")).toBe(0);
    expect(sharedMaxAge("s-maxage=60, private")).toBe(0);
    expect(sharedMaxAge(undefined)).toBe(0);
  });

  it("takes only anonymous-looking GET and HEAD requests for public paths", () => {
    const req = (method: string, url: string, headers: Record<string, string> = {}) => ({
      method,
      url,
      headers,
    });
    expect(isCacheableRequest(req("GET", "/releases/wmc-2023-results"))).toBe(true);
    expect(isCacheableRequest(req("HEAD", "/"))).toBe(true);
    expect(isCacheableRequest(req("POST", "/api/releases/wmc-2023-results/views"))).toBe(false);
    for (const path of [
      "/admin",
      "/admin/releases/1",
      "/signin",
      "/preview/abc",
      "/api/admin/releases",
      "/api/auth/session",
      "/api/internal/revalidate",
    ]) {
      expect(isCacheableRequest(req("GET", path)), path).toBe(false);
    }
    for (const header of [
      "rsc",
      "next-router-prefetch",
      "next-router-state-tree",
      "authorization",
      "range",
      "if-none-match",
    ]) {
      expect(isCacheableRequest(req("GET", "/", { [header]: "1" })), header).toBe(false);
    }
    // A page path merely starting with a private word is still public.
    expect(isCacheableRequest(req("GET", "/releases/admin-guide"))).toBe(true);
  });
});

describe("when the app fails (the database is down): stale-if-error", () => {
  const FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>新闻</title></channel></rss>';

  it("answers with the last good copy of a purged answer, marked STALE, and never while the app works", async () => {
    const cache = new ResponseCache(1024 * 1024);
    let failing = false;
    const app = await serve(cache, (_req, res) => {
      if (failing) {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end("Internal Server Error");
        return;
      }
      res.writeHead(200, { ...SHARED, "content-type": "application/rss+xml; charset=utf-8" }).end(FEED);
    });
    await (await app.get("/feed.xml")).text();
    await app.idle();
    cache.purge();
    failing = true;
    const during = await app.get("/feed.xml");
    expect(during.status).toBe(200);
    expect(during.headers.get("x-pressroom-cache")).toBe("STALE");
    expect(during.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    expect(during.headers.get("cache-control")).toBe("no-store");
    expect(await during.text()).toBe(FEED);
    // Back up: the app's fresh answer, never the stale copy.
    failing = false;
    const after = await app.get("/feed.xml");
    expect(after.headers.get("x-pressroom-cache")).toBe("MISS");
    await after.text();
    await app.idle();
    expect(cache.staleSize.entries).toBe(0);
  });

  it("lets the failure through when it has no copy, and keeps stale copies within the one memory budget", async () => {
    const cache = new ResponseCache(1000);
    const app = await serve(cache, (req, res) => {
      if (req.url === "/broken") {
        res.writeHead(500).end("no");
        return;
      }
      res.writeHead(200, SHARED).end("x".repeat(400));
    });
    expect((await app.get("/broken")).status).toBe(500);
    for (const path of ["/a", "/b"]) await (await app.get(path)).text();
    await app.idle();
    cache.purge();
    expect(cache.staleSize).toEqual({ entries: 2, bytes: 800 });
    for (const path of ["/c", "/d"]) await (await app.get(path)).text();
    await app.idle();
    // Fresh answers push the oldest stale copies out: never more than the budget in all.
    expect(cache.size.bytes + cache.staleSize.bytes).toBeLessThanOrEqual(1000);
    expect(cache.size.entries).toBe(2);
  });
});

describe("response cache in front of the app", () => {
  it("answers the second request with the exact bytes and headers of the first, without the app", async () => {
    const cache = new ResponseCache(1024 * 1024);
    const app = await serve(cache, (_req, res) => {
      res.setHeader("x-custom", "kept");
      res.writeHead(200, SHARED);
      res.write(PAGE.slice(0, 20));
      res.end(PAGE.slice(20));
    });
    const first = await app.get("/releases/wmc-2023-results");
    expect(first.headers.get("x-pressroom-cache")).toBe("MISS");
    expect(await first.text()).toBe(PAGE);
    await app.idle();

    const second = await app.get("/releases/wmc-2023-results");
    expect(second.headers.get("x-pressroom-cache")).toBe("HIT");
    expect(second.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(second.headers.get("x-custom")).toBe("kept");
    expect(second.headers.get("content-length")).toBe(String(Buffer.byteLength(PAGE)));
    expect(second.headers.get("age")).toBe("0");
    expect(await second.text()).toBe(PAGE);
    expect(app.upstreamCalls()).toBe(1);
  });

  it("answers HEAD from a stored GET, headers only", async () => {
    const cache = new ResponseCache(1024 * 1024);
    const app = await serve(cache, (_req, res) => {
      res.writeHead(200, SHARED).end(PAGE);
    });
    await app.get("/");
    await app.idle();
    const head = await app.get("/", { method: "HEAD" });
    expect(head.headers.get("x-pressroom-cache")).toBe("HIT");
    expect(head.headers.get("content-length")).toBe(String(Buffer.byteLength(PAGE)));
    expect(await head.text()).toBe("");
  });

  it("keeps one copy per Accept-Encoding, as the app compressed it", async () => {
    const cache = new ResponseCache(1024 * 1024);
    const app = await serve(cache, (req, res) => {
      const gzip = String(req.headers["accept-encoding"] ?? "").includes("gzip");
      res.writeHead(200, {
        ...SHARED,
        vary: "Accept-Encoding",
        ...(gzip ? { "content-encoding": "gzip" } : {}),
      });
      res.end(gzip ? zlib.gzipSync(PAGE) : PAGE);
    });
    for (let round = 0; round < 2; round++) {
      const plain = await app.get("/", { headers: { "accept-encoding": "identity" } });
      expect(await plain.text()).toBe(PAGE);
      const gzipped = await app.get("/", { headers: { "accept-encoding": "gzip" } });
      expect(gzipped.headers.get("content-encoding")).toBe("gzip");
      expect(await gzipped.text()).toBe(PAGE); // fetch decodes it
      await app.idle();
    }
    expect(app.upstreamCalls()).toBe(2);
    expect(cache.size.entries).toBe(2);
  });

  it.each([
    [
      "a private page",
      (_req: IncomingMessage, res: ServerResponse) =>
        res.writeHead(200, { ...SHARED, "cache-control": "private, no-store" }).end(PAGE),
    ],
    [
      "a revalidated-on-every-request answer",
      (_req: IncomingMessage, res: ServerResponse) =>
        res.writeHead(200, { ...SHARED, "cache-control": "public, max-age=0, must-revalidate" }).end(PAGE),
    ],
    [
      "an answer that sets a cookie",
      (_req: IncomingMessage, res: ServerResponse) =>
        res.writeHead(200, { ...SHARED, "set-cookie": "a=b" }).end(PAGE),
    ],
    [
      "a stale page Next is re-rendering",
      (_req: IncomingMessage, res: ServerResponse) =>
        res.writeHead(200, { ...SHARED, "x-nextjs-cache": "STALE" }).end(PAGE),
    ],
    ["a 404", (_req: IncomingMessage, res: ServerResponse) => res.writeHead(404, SHARED).end("没有找到")],
    [
      "a redirect",
      (_req: IncomingMessage, res: ServerResponse) =>
        res.writeHead(301, { ...SHARED, location: "/releases/new" }).end(),
    ],
  ])("never stores %s", async (_name, upstream) => {
    const cache = new ResponseCache(1024 * 1024);
    const app = await serve(cache, upstream);
    await app.get("/releases/x", { redirect: "manual" });
    await app.idle();
    const again = await app.get("/releases/x", { redirect: "manual" });
    expect(again.headers.get("x-pressroom-cache")).toBe("MISS");
    expect(app.upstreamCalls()).toBe(2);
  });

  it("passes client-router and admin requests to the app every time", async () => {
    const cache = new ResponseCache(1024 * 1024);
    const app = await serve(cache, (_req, res) => {
      res.writeHead(200, SHARED).end(PAGE);
    });
    for (let i = 0; i < 2; i++) {
      await app.get("/", { headers: { rsc: "1" } });
      await app.get("/admin");
      await app.idle();
    }
    expect(app.upstreamCalls()).toBe(4);
    expect(cache.size.entries).toBe(0);
  });

  it("forgets everything on purge, and does not store an answer that was being produced during it", async () => {
    const cache = new ResponseCache(1024 * 1024);
    let version = 1;
    let releaseSlowAnswer: (() => void) | undefined;
    let slowArrived: () => void = () => {};
    const slowHasArrived = new Promise<void>((resolve) => (slowArrived = resolve));
    const app = await serve(cache, async (req, res) => {
      if (req.url === "/slow" && !releaseSlowAnswer)
        await new Promise<void>((resolve) => {
          releaseSlowAnswer = resolve;
          slowArrived();
        });
      const answer = `版本${version}`;
      res.writeHead(200, SHARED).end(answer);
    });
    await app.get("/");
    await app.idle();
    version = 2;
    expect(await (await app.get("/")).text()).toBe("版本1");

    const slow = app.get("/slow");
    await slowHasArrived;
    cache.purge();
    releaseSlowAnswer?.();
    expect(await (await slow).text()).toBe("版本2");
    await app.idle();

    expect(await (await app.get("/")).text()).toBe("版本2");
    expect((await app.get("/slow")).headers.get("x-pressroom-cache")).toBe("MISS");
  });

  it("expires entries after the shared max-age", async () => {
    let now = 1_000_000;
    const cache = new ResponseCache(1024 * 1024, () => now);
    const app = await serve(cache, (_req, res) => {
      res.writeHead(200, { ...SHARED, "cache-control": "s-maxage=60" }).end(PAGE);
    });
    await app.get("/");
    await app.idle();
    now += 59_000;
    expect((await app.get("/")).headers.get("age")).toBe("59");
    now += 1_000;
    expect((await app.get("/")).headers.get("x-pressroom-cache")).toBe("MISS");
  });

  it("stays within its byte budget, evicting the least recently used", async () => {
    const body = "x".repeat(400);
    const cache = new ResponseCache(1000);
    const app = await serve(cache, (_req, res) => {
      res.writeHead(200, SHARED).end(body);
    });
    for (const path of ["/a", "/b"]) await app.get(path);
    await app.idle();
    await app.get("/a"); // now /b is the least recently used
    await app.get("/c");
    await app.idle();
    expect(cache.size).toEqual({ entries: 2, bytes: 800 });
    expect((await app.get("/a")).headers.get("x-pressroom-cache")).toBe("HIT");
    expect((await app.get("/b")).headers.get("x-pressroom-cache")).toBe("MISS");
  });

  it("stores nothing when its budget is zero", async () => {
    const cache = new ResponseCache(0);
    const app = await serve(cache, (_req, res) => {
      res.writeHead(200, SHARED).end(PAGE);
    });
    await app.get("/");
    await app.idle();
    expect((await app.get("/")).headers.get("x-pressroom-cache")).toBeNull();
    expect(cache.size.entries).toBe(0);
  });
});

describe("cache keys a client cannot multiply", () => {
  it("keeps only the parameters a path reads, in one order and encoding", () => {
    expect(cacheKeyOf("/releases/wmc-2023-results")).toBe("/releases/wmc-2023-results");
    // Spellings of one path (%77mc… = wmc…) would each take an entry and push out real pages.
    for (const spelling of [
      "/releases/%77mc-2023-results",
      "/releases/wmc%2D2023-results",
      "/releases/%57mc-2023-results",
    ])
      expect(cacheKeyOf(spelling)).toBeNull();
    expect(cacheKeyOf("/releases?")).toBe("/releases");
    expect(cacheKeyOf("/api/releases?limit=5&cursor=a-b")).toBe("/api/releases?cursor=a-b&limit=5");
    expect(cacheKeyOf("/api/releases?cursor=a_b&limit=5")).toBe("/api/releases?cursor=a_b&limit=5");
    expect(cacheKeyOf("/releases?utm_source=x")).toBeNull();
    expect(cacheKeyOf("/api/releases?limit=5&x=1")).toBeNull();
    expect(cacheKeyOf("/api/releases?limit=5&limit=6")).toBeNull();
    expect(cacheKeyOf(`/api/releases?cursor=${"a".repeat(600)}`)).toBeNull();
    expect(cacheKeyOf(`/releases/${"a".repeat(600)}`)).toBeNull();
  });

  it("caches a value only in its one spelling: the app reads limit=020, 2e1 and +20 as 20", () => {
    expect(cacheKeyOf("/api/releases?limit=20")).toBe("/api/releases?limit=20");
    for (const limit of ["020", "0020", "2e1", "20.0", "+20", "%2B20", " 20", "0", "-1", "", "二十"])
      expect(cacheKeyOf(`/api/releases?limit=${limit}`), limit).toBeNull();
    // A cursor is base64url as the server writes it; a category a slug.
    expect(cacheKeyOf("/api/releases?cursor=YWJj")).toBe("/api/releases?cursor=YWJj");
    for (const cursor of ["YWJj=", "YW Jj", "YWJj%3D", "a/b", "a.b"])
      expect(cacheKeyOf(`/api/releases?cursor=${cursor}`), cursor).toBeNull();
    expect(cacheKeyOf("/api/releases?category=news")).toBe("/api/releases?category=news");
    for (const category of ["News", "news-", "news/x"])
      expect(cacheKeyOf(`/api/releases?category=${category}`), category).toBeNull();
    // Percent-encoding in a value is decoded before the check: the same entry, not a new one.
    expect(cacheKeyOf("/api/releases?category=ne%77s")).toBe("/api/releases?category=news");
  });

  it("reduces Accept-Encoding to the set of known encodings the client accepts", () => {
    expect(acceptedEncodings("gzip, deflate, br")).toBe("br,deflate,gzip");
    expect(acceptedEncodings("br;q=0.5 , gzip;q=1, x-random-1234")).toBe("br,gzip");
    expect(acceptedEncodings("gzip;q=0, br")).toBe("br");
    expect(acceptedEncodings(undefined)).toBe("");
  });

  it("1,000 requests with random unknown parameters and encodings leave a constant number of entries", async () => {
    const cache = new ResponseCache(64 * 1024 * 1024);
    const app = await serve(cache, (_req, res) => {
      res.writeHead(200, SHARED).end(PAGE);
    });
    const random = () => Math.random().toString(36).slice(2);
    for (let batch = 0; batch < 20; batch++) {
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          i % 2
            ? app.get(`/releases?${random()}=${random()}`)
            : app.get(`/api/releases?limit=5&cursor=x&${random()}=1`, {
                headers: { "accept-encoding": `gzip, ${random()};q=0.${batch % 9}` },
              }),
        ),
      );
    }
    // Known parameters in any order and spelling, and encodings in any spelling: one entry each.
    await app.get("/api/releases?limit=5&cursor=x", { headers: { "accept-encoding": "gzip" } });
    await app.get("/api/releases?cursor=x&limit=5", { headers: { "accept-encoding": "gzip;q=0.9, zstd-x" } });
    await app.idle();
    expect(cache.size.entries).toBe(1);
    expect(app.upstreamCalls()).toBe(1001);
  }, 30_000); // 1,001 real HTTP requests: 3-7 s on two shared cores
});

describe("answers that will not be stored stream through", () => {
  const MB = 1024 * 1024;
  /** Sends `total` bytes in 256 KB pieces, waiting for the socket like Next does. */
  const bigAnswer =
    (headers: Record<string, string>, total: number) =>
    async (_req: IncomingMessage, res: ServerResponse) => {
      res.writeHead(200, headers);
      const piece = Buffer.alloc(256 * 1024, "<p>大会成果</p>");
      for (let sent = 0; sent < total; sent += piece.length) {
        if (!res.write(piece)) await new Promise((resolve) => res.once("drain", resolve));
      }
      res.end();
    };

  // A garbage collection on demand, so the samples count what is held, not what awaits collection.
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as () => void;
  const retained = () => {
    gc();
    return process.memoryUsage().arrayBuffers;
  };

  /** Reads the whole answer, measuring after every 4 MB what this process holds beyond the start. */
  async function readMeasuring(request: () => Promise<Response>) {
    const before = retained();
    const response = await request();
    let peak = before;
    let bytes = 0;
    let nextSample = 0;
    const reader = response.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      if (bytes >= nextSample) {
        peak = Math.max(peak, retained());
        nextSample += 4 * MB;
      }
    }
    return { bytes, growth: peak - before };
  }

  it.each([
    [
      "a private 50 MB HTML answer",
      { "content-type": "text/html; charset=utf-8", "cache-control": "private, no-store" },
    ],
    ["a shareable 50 MB HTML answer (too large to hash or store)", SHARED],
    [
      "a shareable 50 MB JSON answer (too large to store)",
      { "content-type": "application/json", "cache-control": "s-maxage=60" },
    ],
  ])(
    "%s passes with memory growth far below its size",
    async (_name, headers) => {
      const cache = new ResponseCache(256 * MB);
      const app = await serve(cache, bigAnswer(headers, 50 * MB));
      const { bytes, growth } = await readMeasuring(() => app.get("/releases/huge"));
      expect(bytes).toBe(50 * MB);
      expect(growth).toBeLessThan(12 * MB);
      await app.idle();
      expect(cache.size.entries).toBe(0);
    },
    30_000,
  );
});

describe("the Content-Security-Policy of public HTML", () => {
  const FLIGHT = 'self.__next_f.push([1,"0:[]\\n"])';
  const HTML = `<!doctype html><html><body><p>参会嘉宾1.6万名</p><script>${FLIGHT}</script></body></html>`;
  const scriptSrc = (response: Response) =>
    response.headers
      .get("content-security-policy")
      ?.split("; ")
      .find((d) => d.startsWith("script-src"));

  it("names the page's own inline scripts on the MISS, the HIT and when not stored at all", async () => {
    for (const budget of [1024 * 1024, 0]) {
      const cache = new ResponseCache(budget);
      const app = await serve(cache, (_req, res) => {
        res.setHeader("content-security-policy", "script-src 'self' 'unsafe-inline'");
        res.writeHead(200, SHARED);
        res.write(HTML.slice(0, 30));
        res.end(HTML.slice(30));
      });
      const first = await app.get("/releases/x");
      expect(await first.text()).toBe(HTML);
      expect(scriptSrc(first)).toMatch(/^script-src 'self' 'sha256-[A-Za-z0-9+/]+=*'$/);
      await app.idle();
      const second = await app.get("/releases/x");
      expect(scriptSrc(second)).toBe(scriptSrc(first));
      expect(second.headers.get("x-pressroom-cache")).toBe(budget ? "HIT" : null);
    }
  });

  it("leaves an injected inline script out of the policy", async () => {
    const cache = new ResponseCache(1024 * 1024);
    const app = await serve(cache, (_req, res) => {
      res.writeHead(200, SHARED).end(HTML.replace("<p>", "<p><script>alert(1)</script>"));
    });
    const policy = scriptSrc(await app.get("/releases/x"));
    expect(policy?.match(/'sha256-/g)).toHaveLength(1);
  });

  it("gives a 404 page its hashes too, and leaves the nonce pages and non-HTML alone", async () => {
    const cache = new ResponseCache(1024 * 1024);
    const app = await serve(cache, (req, res) => {
      res.setHeader("content-security-policy", "from-the-app");
      const json = req.url?.startsWith("/api/");
      res
        .writeHead(req.url === "/missing" ? 404 : 200, {
          "content-type": json ? "application/json" : "text/html",
        })
        .end(json ? "{}" : HTML);
    });
    expect(scriptSrc(await app.get("/missing"))).toMatch(/'sha256-/);
    expect((await app.get("/signin")).headers.get("content-security-policy")).toBe("from-the-app");
    expect((await app.get("/admin/releases")).headers.get("content-security-policy")).toBe("from-the-app");
    expect((await app.get("/api/releases")).headers.get("content-security-policy")).toBe("from-the-app");
  });
});
