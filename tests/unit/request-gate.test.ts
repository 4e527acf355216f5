import http from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gateRequest } from "@/lib/http/request-gate";
import { streamBody } from "../fixtures/stream-body";

const SECRET = "unit-test-secret-0123456789abcdef";
const MB = 1024 * 1024;

// A real HTTP server wired like scripts/production-server.ts; behind the gate, an app that reads
// every byte of the body (as a careless route would) and says how many it got.
let server: http.Server;
let port = 0;
let appCalls = 0;
beforeAll(async () => {
  server = http.createServer(
    (req, res) =>
      void gateRequest(
        req,
        res,
        () => {
          appCalls++;
          let bytes = 0;
          req.on("data", (chunk: Buffer) => (bytes += chunk.length));
          req.on("end", () => res.end(JSON.stringify({ bytes })));
        },
        SECRET,
      ),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const attack = (path: string, totalBytes: number, headers: Record<string, string> = {}) =>
  streamBody({ port, path }, totalBytes, headers);

async function sessionCookie() {
  const token = await encode({ token: { uid: "u1", email: "a@example.org", sv: 0 }, secret: SECRET });
  return `next-auth.session-token=${token}`;
}

describe("request gate in front of the app", () => {
  it("refuses 200 MB to the admin API without a session, at once and unread", async () => {
    const before = appCalls;
    for (const path of ["/api/admin/releases", "/api/admin/media"]) {
      const result = await attack(path, 200 * MB);
      expect(result.status).toBe(401);
      expect(JSON.parse(result.body)).toEqual({ error: { code: "unauthenticated", message: "请先登录" } });
      expect(result.ms).toBeLessThan(1000);
      expect(result.sent).toBeLessThan(50 * MB);
    }
    expect(appCalls).toBe(before);
  });

  it("refuses a forged or expired session cookie like none", async () => {
    const forged = await encode({ token: { uid: "u1" }, secret: "some-other-secret-0123456789abcd" });
    const expired = await encode({ token: { uid: "u1" }, secret: SECRET, maxAge: -10 });
    for (const cookie of [
      `next-auth.session-token=${forged}`,
      `next-auth.session-token=${expired}`,
      "next-auth.session-token=garbage",
    ]) {
      expect((await attack("/api/admin/releases", 1024, { cookie })).status).toBe(401);
    }
  });

  it("refuses a declared 200 MB Content-Length with 413 before reading it", async () => {
    const result = await attack("/api/releases/x/views", 200 * MB, { "content-length": String(200 * MB) });
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body).error.code).toBe("payload_too_large");
    expect(result.sent).toBeLessThan(50 * MB);
  });

  it("refuses any body to a page address (Next would copy up to 10 MB of it for the proxy first)", async () => {
    const before = appCalls;
    for (const path of [
      "/signin",
      "/admin/releases/x",
      "/releases/wmc-2023-results",
      "/categories/anhui",
      "/",
    ]) {
      const result = await attack(path, 20 * MB);
      expect(result.status, path).toBe(413);
      expect(JSON.parse(result.body).error.message).toBe("该地址不接受请求内容");
      expect(result.sent).toBeLessThan(20 * MB);
    }
    expect(appCalls).toBe(before);
  });

  it("cuts off a chunked body that passes the limit while the app reads it", async () => {
    const cookie = await sessionCookie();
    const result = await attack("/api/admin/releases", 200 * MB, { cookie });
    expect(result.status).toBe(413);
    expect(result.ms).toBeLessThan(1000);
    expect(result.sent).toBeLessThan(50 * MB);
    // next-auth's routes and the beacon take a few KB at most, signed in or not.
    expect((await attack("/api/auth/callback/credentials", 200 * MB)).status).toBe(413);
    expect((await attack("/api/releases/wmc-2023-results/views", 200 * MB)).status).toBe(413);
  });

  it("cuts off a raw chunked stream that never ends", async () => {
    const cookie = await sessionCookie();
    // Written on a raw socket, as fast as the server takes it, with no end.
    const net = await import("node:net");
    const status = await new Promise<string>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => {
        socket.write(
          `POST /api/admin/releases HTTP/1.1\r\nHost: x\r\nCookie: ${cookie}\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n`,
        );
        const chunk = Buffer.alloc(256 * 1024, 0x61);
        const pump = () => {
          while (
            !socket.destroyed &&
            socket.write(`${chunk.length.toString(16)}\r\n`) &&
            socket.write(chunk) &&
            socket.write("\r\n")
          );
          if (!socket.destroyed) socket.once("drain", pump);
        };
        pump();
      });
      let answer = "";
      socket.on("data", (d) => {
        answer += d.toString();
        if (answer.includes("\r\n")) resolve(answer.split("\r\n")[0]);
      });
      socket.on("error", () => resolve(answer.split("\r\n")[0]));
    });
    expect(status).toBe("HTTP/1.1 413 Payload Too Large");
  });

  it("lets a signed-in request within the limit through whole", async () => {
    const cookie = await sessionCookie();
    const result = await attack("/api/admin/releases", MB, { cookie });
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body)).toEqual({ bytes: MB });
  });
});
