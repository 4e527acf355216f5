// npm run dev | build | start: the database first (embedded unless DATABASE_URL is set),
// migrated and seeded, then Next.js with DATABASE_URL pointing at it.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { getConfig } from "../lib/config";
import { prepareDatabase } from "../lib/database/prepare";
import { StartupError } from "../lib/database/startup-error";
import { runCli } from "./run-cli";
import { PRODUCTION_SERVER_ARGS, productionNodeOptions } from "./node-options";
import { printSignIn } from "./sign-in-banner";

type Mode = "dev" | "build" | "start";

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

/** Development keeps one secret in the data directory so sessions survive restarts. */
function authSecret(mode: Mode, dataDir: string): string {
  const configured = getConfig().NEXTAUTH_SECRET;
  if (configured) return configured;
  if (mode === "start") {
    throw new StartupError(
      "NEXTAUTH_SECRET is required in production: set it to a long random string, e.g. NEXTAUTH_SECRET=$(openssl rand -base64 32) npm start",
    );
  }
  const file = path.join(dataDir, "dev-auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

runCli(async () => {
  const mode = process.argv[2] as Mode;
  if (!["dev", "build", "start"].includes(mode))
    throw new Error("Usage: tsx scripts/serve.ts dev|build|start");
  const config = getConfig();
  const port = config.PORT;
  if (mode !== "build" && !(await portFree(port))) {
    throw new StartupError(
      `Port ${port} is already in use: stop the other server or set PORT to a free port.`,
    );
  }
  const secret = authSecret(mode, config.dataDir);
  const { database, seed } = await prepareDatabase();
  const siteUrl = process.env.SITE_URL ?? `http://localhost:${port}`;

  const [command, args] =
    mode === "start"
      ? [process.execPath, PRODUCTION_SERVER_ARGS]
      : [path.resolve("node_modules/.bin/next"), mode === "build" ? ["build"] : [mode, "-p", String(port)]];
  const child = spawn(command, args, {
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: mode === "dev" ? "development" : "production",
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? siteUrl,
      SITE_URL: siteUrl,
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_OPTIONS: mode === "start" ? productionNodeOptions() : (process.env.NODE_OPTIONS ?? ""),
    },
  });
  // A generated first-admin password is shown whichever command ran first; the reminder only when serving.
  if (mode !== "build" || seed.generatedAdmin) printSignIn(siteUrl, seed.generatedAdmin);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    child.kill(signal);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));

  const code = await new Promise<number>((resolve) => child.on("exit", (c) => resolve(c ?? 0)));
  if (database.startedHere) {
    await database.stop();
    if (mode !== "build") console.log("Embedded PostgreSQL stopped.");
  }
  if (code !== 0 && !stopping) throw new Error(`next ${mode} exited with code ${code}`);
});
