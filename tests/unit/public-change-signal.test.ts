import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { watchPublicChangeSignal } from "@/lib/http/public-change-signal";
import { ResponseCache } from "@/lib/http/response-cache";
import { announcePublicChange, withPublicChangeSignal } from "@/lib/publication/public-change";
import { PUBLIC_CHANGE_HEADER } from "@/lib/publication/public-change-header";

const servers: http.Server[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

/** A real server wired like scripts/production-server.ts: the signal watcher, then an app answering as told. */
async function serve(answer: (res: http.ServerResponse) => void) {
  const changes: number[] = [];
  const closed: Array<Promise<void>> = [];
  const server = http.createServer((req, res) => {
    closed.push(new Promise<void>((resolve) => res.once("close", resolve)));
    watchPublicChangeSignal(res, () => changes.push(Date.now()));
    answer(res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    changes,
    // "close" follows "finish", the event the watcher acts on.
    allClosed: () => Promise.all(closed),
  };
}

describe("the public-change signal", () => {
  it("is acted on once the response has finished, and never reaches the client (setHeader or writeHead)", async () => {
    for (const answer of [
      (res: http.ServerResponse) => {
        res.setHeader(PUBLIC_CHANGE_HEADER, "1");
        res.end("ok");
      },
      (res: http.ServerResponse) => {
        res.writeHead(200, { [PUBLIC_CHANGE_HEADER]: "1", "content-type": "text/plain" });
        res.end("ok");
      },
    ]) {
      const { url, changes, allClosed } = await serve(answer);
      const response = await fetch(url);
      expect(response.headers.has(PUBLIC_CHANGE_HEADER)).toBe(false);
      await response.text();
      await allClosed();
      expect(changes).toHaveLength(1);
    }
  });

  it("a response without it changes nothing; a client sending it in a request changes nothing", async () => {
    const { url, changes, allClosed } = await serve((res) => res.end("ok"));
    await (await fetch(url, { headers: { [PUBLIC_CHANGE_HEADER]: "1" } })).text();
    await allClosed();
    expect(changes).toHaveLength(0);
  });

  it("marks the response of a handler that announced a change, and only that one", async () => {
    const changed = await withPublicChangeSignal(async () => {
      announcePublicChange();
      return Response.json({ ok: true });
    });
    expect(changed.headers.get(PUBLIC_CHANGE_HEADER)).toBe("1");
    const quiet = await withPublicChangeSignal(async () => Response.json({ ok: true }));
    expect(quiet.headers.has(PUBLIC_CHANGE_HEADER)).toBe(false);
    // Redirects have immutable headers: a marked copy is returned.
    const redirect = await withPublicChangeSignal(async () => {
      announcePublicChange();
      return Response.redirect("http://localhost/x", 302);
    });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get(PUBLIC_CHANGE_HEADER)).toBe("1");
  });
});

describe("purging after a change", () => {
  // A stand-in for Next: answers GET with the current "version" of the page, shareable for a year.
  function cacheBefore(version: () => string, now: () => number) {
    const cache = new ResponseCache(1024 * 1024, now);
    const server = http.createServer((req, res) =>
      cache.handle(req, res, () => {
        res.writeHead(200, { "content-type": "text/plain", "cache-control": "s-maxage=31536000" });
        res.end(version());
      }),
    );
    servers.push(server);
    return { cache, server };
  }

  it("empties the response cache at once and keeps nothing Next renders until it has surely applied the change", async () => {
    let clock = 1_000_000;
    let version = "old";
    const { cache, server } = cacheBefore(
      () => version,
      () => clock,
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/releases`;
    const get = async () => {
      const response = await fetch(url);
      return { body: await response.text(), cache: response.headers.get("x-pressroom-cache") };
    };
    expect(await get()).toEqual({ body: "old", cache: "MISS" });
    expect(await get()).toEqual({ body: "old", cache: "HIT" });
    cache.purgeAfterChange(1000);
    // Next has not applied the change yet: its old page reaches this reader, and is not kept…
    expect(await get()).toEqual({ body: "old", cache: null });
    clock += 100;
    version = "new";
    // …so the next reader gets Next's new page at once, not the old copy for the rest of the second.
    expect(await get()).toEqual({ body: "new", cache: null });
    clock += 900;
    expect(await get()).toEqual({ body: "new", cache: "MISS" });
    expect(await get()).toEqual({ body: "new", cache: "HIT" });
  });
});
