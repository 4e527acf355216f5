import { describe, expect, it, vi } from "vitest";
// Next's own check of dev-only requests (hot reload socket, chunks), fed with our configuration.
// A module inside next/dist: if an upgrade moves it, find blockCrossSiteDEV's new home.
import { blockCrossSiteDEV } from "next/dist/server/lib/router-utils/block-cross-site-dev.js";

async function loadConfig(siteUrl?: string) {
  vi.resetModules();
  if (siteUrl) vi.stubEnv("SITE_URL", siteUrl);
  // @ts-expect-error next.config.js is plain JavaScript without declarations
  const { default: config } = await import("../../next.config.js");
  vi.unstubAllEnvs();
  return config as { allowedDevOrigins?: string[] };
}

function hotReloadRequest(origin: string) {
  const req = { url: "/_next/hmr?id=x", headers: { origin, "sec-fetch-mode": "websocket" } };
  const res = { statusCode: 200, end: vi.fn(), setHeader: vi.fn() };
  return { req, res };
}

describe("next dev accepts this machine's own addresses", () => {
  it.each(["http://localhost:3000", "http://127.0.0.1:3000", "http://[::1]:3000"])(
    "a page opened at %s keeps its hot-reload socket (no reload loop that empties forms)",
    async (origin) => {
      const { allowedDevOrigins } = await loadConfig();
      const { req, res } = hotReloadRequest(origin);
      expect(blockCrossSiteDEV(req as never, res as never, allowedDevOrigins, undefined)).toBe(false);
    },
  );

  it("the host of SITE_URL is accepted too, and any other site still is not", async () => {
    const { allowedDevOrigins } = await loadConfig("http://press.lan:3000");
    const own = hotReloadRequest("http://press.lan:3000");
    expect(blockCrossSiteDEV(own.req as never, own.res as never, allowedDevOrigins, undefined)).toBe(false);
    const foreign = hotReloadRequest("http://evil.example");
    expect(blockCrossSiteDEV(foreign.req as never, foreign.res as never, allowedDevOrigins, undefined)).toBe(
      true,
    );
    expect(foreign.res.statusCode).toBe(403);
  });

  it("a SITE_URL that is no URL does not stop next from loading its configuration", async () => {
    const { allowedDevOrigins } = await loadConfig("press.example.com");
    expect(allowedDevOrigins).toEqual(["127.0.0.1", "[::1]"]);
  });
});
