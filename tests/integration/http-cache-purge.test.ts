import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { frontCachePurgeCounters, nginxAdapter, purgeWithRetries } from "@/lib/cache/http-cache-purge";
import { listPurgePaths } from "@/lib/cache/purge-paths";
import { db } from "@/lib/db";
import { startNginxFront, type NginxFront } from "../fixtures/nginx-front";
import { createCategory, createRelease, uniqueSlug } from "./factories";

// The generated nginx config in front of a stand-in upstream that numbers its answers, so a test
// sees whether an answer came from nginx's cache or from the upstream. Ports of this worktree's range.
const FRONT = "127.0.0.1:3157";
let upstream: http.Server;
let front: NginxFront;
let served = 0;

function get(path: string, headers: Record<string, string> = {}, localAddress?: string) {
  return new Promise<{ status: number; body: string; cache: string | undefined }>((resolve, reject) => {
    const req = http.request(`${front.url}${path}`, { headers, localAddress }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, body, cache: res.headers["x-cache"] as string | undefined }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    served++;
    res.writeHead(req.url?.startsWith("/missing") ? 404 : 200, {
      "content-type": "text/plain; charset=utf-8",
      // An ISR page's lifetime: nginx must keep it until it is purged.
      "cache-control": "s-maxage=31536000, stale-while-revalidate",
      vary: "Accept-Encoding",
    });
    res.end(`answer ${served} for ${req.url} (${req.headers["accept-encoding"] ?? "identity"})`);
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  const { port } = upstream.address() as AddressInfo;
  front = await startNginxFront({ listen: FRONT, upstreams: [`127.0.0.1:${port}`] });
});

afterAll(async () => {
  await front?.stop();
  await new Promise((resolve) => upstream?.close(resolve));
});

describe("nginx front with the generated config", () => {
  it("keeps what the app marks shareable, once per encoding, until the app purges it", async () => {
    const path = `/releases/${uniqueSlug("purge")}`;
    const first = await get(path);
    expect(first.cache).toBe("MISS");
    expect(await get(path)).toEqual({ ...first, cache: "HIT" });
    const gzip = await get(path, { "accept-encoding": "gzip, br" });
    expect(gzip.cache).toBe("MISS");
    expect(gzip.body).toContain("(gzip)");
    expect((await get(path, { "accept-encoding": "deflate, gzip;q=0.5" })).cache).toBe("HIT");

    expect(await nginxAdapter(front.url).purge({ paths: [path], keys: [] })).toEqual([]);
    const after = await get(path);
    expect(after.cache).toBe("MISS");
    expect(after.body).not.toBe(first.body);
    expect((await get(path, { "accept-encoding": "gzip" })).cache).toBe("MISS");
  });

  it("passes staff, sign-in, session cookies and queries straight through", async () => {
    for (const [path, headers] of [
      ["/admin", {}],
      ["/api/admin/releases", {}],
      ["/api/auth/session", {}],
      ["/signin", {}],
      ["/preview/abc", {}],
      ["/releases?x=1", {}],
      ["/releases", { cookie: "a=1; __Secure-next-auth.session-token=abc" }],
      ["/releases", { rsc: "1" }],
    ] as const) {
      const before = served;
      await get(path, headers);
      const again = await get(path, headers);
      expect(served - before, path).toBe(2);
      expect(again.cache ?? "none", path).not.toBe("HIT");
    }
    expect((await get("/api/internal/revalidate")).status).toBe(404);
    // A 404 (a server that has not caught up with a publish yet) is never kept, whatever its headers say.
    const before = served;
    expect((await get("/missing/page")).status).toBe(404);
    expect((await get("/missing/page")).cache).not.toBe("HIT");
    expect(served - before).toBe(2);
  });

  it("refuses a purge from any address but the upstreams', whatever the request claims", async () => {
    const path = `/releases/${uniqueSlug("guarded")}`;
    await get(path);
    const forged = await get(
      `/_purge${path}`,
      { "x-forwarded-for": "127.0.0.1", "x-real-ip": "127.0.0.1" },
      "127.0.51.9",
    );
    expect(forged.status).toBe(403);
    expect((await get(path)).cache).toBe("HIT");
    expect((await nginxAdapter(front.url).reachable()).ok).toBe(true);
  });
});

describe("purge sender", () => {
  it("retries with backoff, logs and gives up without throwing when a front is unreachable", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const before = frontCachePurgeCounters();
    const gone = nginxAdapter("http://127.0.0.1:3159");
    const ok = await purgeWithRetries(gone, { paths: ["/a", "/b"], keys: [] }, [10, 20]);
    expect(ok).toBe(false);
    expect(frontCachePurgeCounters().failed - before.failed).toBe(2);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining("failed after 3 attempts"));
    expect((await gone.reachable()).ok).toBe(false);
    errors.mockRestore();
  });

  it("gets through once a front that was failing answers again", async () => {
    let calls = 0;
    const flaky = {
      name: "flaky",
      purge: async ({ paths }: { paths: string[] }) => (++calls < 3 ? paths.slice(0, 1) : []),
      reachable: async () => ({ ok: true, detail: "ok" }),
    };
    expect(await purgeWithRetries(flaky, { paths: ["/x", "/y"], keys: [] }, [1, 1, 1])).toBe(true);
    expect(calls).toBe(3);
  });

  it("names the addresses of public, taken-down and renamed releases, and none of drafts", async () => {
    const category = await createCategory();
    const live = await createRelease({ categoryId: category.id });
    const draft = await createRelease({ status: "draft", publishAt: null });
    const takenDown = await createRelease();
    await db.release.update({
      where: { id: takenDown.id },
      data: { status: "draft", publishedAt: new Date() },
    });
    const renamed = uniqueSlug("old");
    await db.slugRedirect.create({ data: { slug: renamed, releaseId: live.id } });

    const paths = await listPurgePaths();
    expect(paths).toContain(`/releases/${live.slug}/share.png`);
    expect(paths).toContain(`/categories/${category.slug}/feed.xml`);
    expect(paths).toContain(`/releases/${takenDown.slug}`);
    expect(paths).toContain(`/api/releases/${renamed}`);
    expect(paths.some((p) => p.includes(draft.slug))).toBe(false);
  });
});
