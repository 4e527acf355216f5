import net from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, it } from "vitest";
import { errorResponse, isDatabaseUnavailable, toAppError } from "@/lib/errors";
import { PrismaClient } from "@/lib/generated/prisma/client";

// A real client against a port nothing listens on: the errors are exactly what a stopped database gives.
const unreachable = new PrismaClient({
  adapter: new PrismaPg({
    connectionString: "postgresql://u:p@127.0.0.1:1/none",
    connectionTimeoutMillis: 2000,
  }),
});

/** A client of a TCP server on loopback that treats each connection with `answer`. */
const servers: net.Server[] = [];
afterAll(() => servers.forEach((server) => server.close()));
async function clientOf(answer: (socket: net.Socket) => void) {
  const server = net.createServer(answer);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return new PrismaClient({
    adapter: new PrismaPg({
      connectionString: `postgresql://u:p@127.0.0.1:${port}/none`,
      connectionTimeoutMillis: 500,
    }),
  });
}

/** A PostgreSQL ErrorResponse message, as a server sends it before closing the connection. */
function fatal(sqlstate: string, message: string): Buffer {
  const fields = Buffer.from(`SFATAL\0VFATAL\0C${sqlstate}\0M${message}\0\0`);
  const header = Buffer.alloc(5);
  header.write("E");
  header.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([header, fields]);
}

const failure = (run: () => Promise<unknown>) =>
  run().then(
    () => {
      throw new Error("expected a failure");
    },
    (e: unknown) => e,
  );

describe("a database that is down", () => {
  it("is recognised from a model query, a transaction and a raw query alike", async () => {
    for (const run of [
      () => unreachable.release.findFirst(),
      () => unreachable.$transaction((tx) => tx.release.count()),
      () => unreachable.$queryRaw`SELECT 1`,
    ]) {
      expect(isDatabaseUnavailable(await failure(run))).toBe(true);
    }
  });

  it("is recognised when the connection drops, never answers, or the server is restarting", async () => {
    const cases = {
      // The server goes away: node-postgres's "Connection terminated unexpectedly" (no code).
      closes: await clientOf((socket) => socket.destroy()),
      // Packets dropped: the connect timeout, "Connection terminated due to connection timeout".
      silent: await clientOf(() => {}),
      // A server starting up or shutting down answers with SQLSTATE 57P03 / 57P01.
      starting: await clientOf((socket) => socket.end(fatal("57P03", "the database system is starting up"))),
      shuttingDown: await clientOf((socket) =>
        socket.end(fatal("57P01", "terminating connection due to administrator command")),
      ),
    };
    for (const [name, client] of Object.entries(cases)) {
      for (const run of [
        () => client.release.findFirst(),
        () => client.$transaction((tx) => tx.release.count()),
        () => client.$queryRaw`SELECT 1`,
      ]) {
        expect(isDatabaseUnavailable(await failure(run)), name).toBe(true);
      }
    }
    // A server error of another kind is the query's fault, not an outage.
    const refuses = await clientOf((socket) =>
      socket.end(fatal("28P01", 'password authentication failed for user "u"')),
    );
    expect(isDatabaseUnavailable(await failure(() => refuses.release.findFirst()))).toBe(false);
  });

  it("answers 503 unavailable with Retry-After and says nothing was saved", async () => {
    const response = errorResponse(
      await failure(() => unreachable.release.create({ data: { slug: "x", title: "x" } })),
    );
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toEqual({
      error: { code: "unavailable", message: "数据库暂时不可用，内容未保存，请稍后再试" },
    });
  });

  it("is not confused with other errors", () => {
    expect(
      isDatabaseUnavailable(Object.assign(new Error("Unique constraint failed"), { code: "P2002" })),
    ).toBe(false);
    expect(toAppError(Object.assign(new Error("Unique constraint failed"), { code: "P2002" })).status).toBe(
      409,
    );
    expect(isDatabaseUnavailable(new Error("Can't reach database server"))).toBe(false);
    // The wording of node-postgres counts only on an error without a code of its own.
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error("Connection terminated unexpectedly"), { code: "P2002" }),
      ),
    ).toBe(false);
  });
});
