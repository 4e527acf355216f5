import net from "node:net";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { searchFailure } from "@/lib/search/search-pool";

// Real node-postgres failures against loopback servers that misbehave, as the search pool meets them.
const servers: net.Server[] = [];
afterAll(() => servers.forEach((server) => server.close()));
async function portOf(answer: (socket: net.Socket) => void) {
  const server = net.createServer(answer);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as net.AddressInfo).port;
}

/** A PostgreSQL ErrorResponse message, as a server sends it. */
function errorMessage(sqlstate: string, message: string): Buffer {
  const fields = Buffer.from(`SFATAL\0VFATAL\0C${sqlstate}\0M${message}\0\0`);
  const header = Buffer.alloc(5);
  header.write("E");
  header.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([header, fields]);
}

async function failureOf(port: number): Promise<unknown> {
  const client = new pg.Client({
    connectionString: `postgresql://u:p@127.0.0.1:${port}/none`,
    connectionTimeoutMillis: 500,
  });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    return error;
  } finally {
    await client.end().catch(() => {});
  }
  throw new Error("expected a failure");
}

const unavailable = { code: "unavailable", message: "数据库暂时不可用，请稍后再试" };

describe("what a failure of the search pool tells the reader", () => {
  it("a database that is not there, goes away, never answers or is restarting: 503 'database unavailable'", async () => {
    for (const port of [
      1,
      await portOf((socket) => socket.destroy()),
      await portOf(() => {}),
      await portOf((socket) => socket.end(errorMessage("57P03", "the database system is starting up"))),
    ]) {
      expect(searchFailure(await failureOf(port))).toMatchObject(unavailable);
    }
  });

  it("its own statement timeout: 503 'search timed out'; every search connection busy: 503 'busy'", () => {
    const cancelled = new pg.DatabaseError("canceling statement due to statement timeout", 0, "error");
    cancelled.code = "57014";
    expect(searchFailure(cancelled)).toMatchObject({
      code: "unavailable",
      message: "搜索超时，请换用更具体的关键词再试",
    });
    expect(searchFailure(new Error("timeout exceeded when trying to connect"))).toMatchObject({
      code: "unavailable",
      message: "搜索繁忙，请稍后再试",
    });
  });

  it("a statement PostgreSQL refused is the statement's fault, passed on as it is (a logged 500)", async () => {
    const refused = await failureOf(
      await portOf((socket) =>
        socket.end(errorMessage("28P01", 'password authentication failed for user "u"')),
      ),
    );
    expect(searchFailure(refused)).toBe(refused);
    const syntax = new pg.DatabaseError("syntax error", 0, "error");
    syntax.code = "42601";
    expect(searchFailure(syntax)).toBe(syntax);
    expect(searchFailure(syntax)).not.toBeInstanceOf(AppError);
  });
});
