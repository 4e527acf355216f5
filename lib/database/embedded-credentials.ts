import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { z } from "zod";
import { StartupError } from "./startup-error";

/** Cluster administration only: creating databases and roles. The app never connects as it. */
export const SUPERUSER = "pressroom";
/** Owns the app's database and its schema, runs the migrations and serves the app; not a superuser. */
export const APP_ROLE = "pressroom_app";
export const EMBEDDED_DATABASE = "pressroom";
/** What clusters made before per-directory passwords used; only ever tried in order to replace it. */
const LEGACY_PASSWORD = "pressroom";

const credentialsSchema = z.object({ superuser: z.string().min(32), app: z.string().min(32) });
export type EmbeddedCredentials = z.infer<typeof credentialsSchema>;

export const credentialsFile = (dataDir: string) => path.join(dataDir, "pg-credentials.json");

/**
 * The data directory holds the database passwords and the development auth secret: nobody else may
 * list or read it. As root the cluster runs as the "postgres" user, which must still reach <dir>/pg,
 * so others keep only the right to pass through (0711).
 */
export function protectDataDir(dataDir: string) {
  fs.mkdirSync(dataDir, { recursive: true });
  const isRoot = process.getuid?.() === 0;
  const mode = fs.statSync(dataDir).mode & 0o777;
  const wanted = (mode & 0o700) | (isRoot ? 0o011 : 0);
  if (mode !== wanted) fs.chmodSync(dataDir, wanted);
}

/** The passwords of this data directory, made (randomly, mode 0600) the first time they are needed. */
export function readOrCreateCredentials(dataDir: string): EmbeddedCredentials {
  const file = credentialsFile(dataDir);
  const random = () => crypto.randomBytes(32).toString("base64url");
  const fresh: EmbeddedCredentials = { superuser: random(), app: random() };
  try {
    fs.writeFileSync(file, JSON.stringify(fresh), { mode: 0o600, flag: "wx" });
    return fresh;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  fs.chmodSync(file, 0o600);
  const parsed = credentialsSchema.safeParse(JSON.parse(fs.readFileSync(file, "utf8") || "null"));
  if (!parsed.success)
    throw new StartupError(
      `${file} is damaged: restore it from a backup (it holds the embedded database's passwords).`,
    );
  return parsed.data;
}

export function embeddedUrl(
  port: number,
  role: "superuser" | "app",
  credentials: EmbeddedCredentials,
  database: string,
): string {
  const user = role === "superuser" ? SUPERUSER : APP_ROLE;
  return `postgresql://${user}:${encodeURIComponent(credentials[role])}@127.0.0.1:${port}/${database}`;
}

/** A superuser connection; a cluster still on the legacy password gets this directory's own first. */
async function connectAsSuperuser(port: number, credentials: EmbeddedCredentials, database = "postgres") {
  const connect = async (password: string) => {
    const client = new pg.Client({ host: "127.0.0.1", port, user: SUPERUSER, password, database });
    await client.connect();
    return client;
  };
  try {
    return await connect(credentials.superuser);
  } catch (error) {
    if ((error as { code?: string }).code !== "28P01") throw error;
  }
  const client = await connect(LEGACY_PASSWORD).catch(() => {
    throw new StartupError(
      `The embedded PostgreSQL refuses the superuser password in pg-credentials.json of the data directory; restore that file from a backup.`,
    );
  });
  await client.query(`ALTER ROLE ${SUPERUSER} PASSWORD ${client.escapeLiteral(credentials.superuser)}`);
  return client;
}

// Clusters made by earlier versions have every object owned by the superuser; hand them over.
const TRANSFER_OWNERSHIP = `DO $$
DECLARE r record;
BEGIN
  ALTER SCHEMA public OWNER TO ${APP_ROLE};
  FOR r IN SELECT c.oid::regclass AS name FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
        AND c.relowner <> '${APP_ROLE}'::regrole
        -- a sequence that belongs to a column moves with its table
        AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')))
  LOOP EXECUTE format('ALTER TABLE %s OWNER TO ${APP_ROLE}', r.name); END LOOP;
  FOR r IN SELECT t.oid::regtype AS name FROM pg_type t
      WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e', 'd') AND t.typowner <> '${APP_ROLE}'::regrole
  LOOP EXECUTE format('ALTER TYPE %s OWNER TO ${APP_ROLE}', r.name); END LOOP;
  FOR r IN SELECT p.oid::regprocedure AS name FROM pg_proc p
      WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> '${APP_ROLE}'::regrole
  LOOP EXECUTE format('ALTER ROUTINE %s OWNER TO ${APP_ROLE}', r.name); END LOOP;
END $$`;

/**
 * Brings a running cluster to the expected state, whatever version made it: this directory's
 * superuser password, the app role (login, no superuser, no role or database creation) with its
 * password, and the app database and every object in it owned by the app role. Idempotent.
 */
export async function secureEmbeddedCluster(port: number, credentials: EmbeddedCredentials) {
  const admin = await connectAsSuperuser(port, credentials);
  try {
    const exists = await admin.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [APP_ROLE]);
    if (!exists.rowCount) await admin.query(`CREATE ROLE ${APP_ROLE}`);
    await admin.query(
      `ALTER ROLE ${APP_ROLE} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${admin.escapeLiteral(credentials.app)}`,
    );
    const database = await admin.query<{ owner: string }>(
      "SELECT datdba::regrole::text AS owner FROM pg_database WHERE datname = $1",
      [EMBEDDED_DATABASE],
    );
    if (!database.rowCount) await admin.query(`CREATE DATABASE ${EMBEDDED_DATABASE} OWNER ${APP_ROLE}`);
    else if (database.rows[0].owner !== APP_ROLE)
      await admin.query(`ALTER DATABASE ${EMBEDDED_DATABASE} OWNER TO ${APP_ROLE}`);
  } finally {
    await admin.end();
  }
  const inDatabase = await connectAsSuperuser(port, credentials, EMBEDDED_DATABASE);
  try {
    await inDatabase.query(TRANSFER_OWNERSHIP);
  } finally {
    await inDatabase.end();
  }
}
