// npm run check:production-install (a CI step, after `npm test` has built the app): copies what a
// production machine receives into a temporary directory, runs `npm ci --omit=dev` there from the
// npm cache alone, starts it with `npm start` on its own embedded PostgreSQL (a scratch database
// that goes with the directory) and requires the home page and a release page to answer 200.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { StartupError } from "../lib/database/startup-error";
import { RUNTIME_FILES } from "./runtime-files";
import { runCli } from "./run-cli";

/** What npm start ran, and compiled, before it was compiled: never in a production install. */
const MUST_BE_ABSENT = ["tsx", "esbuild"];
const START_DEADLINE_MS = 180_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`)),
    );
  });
}

/** Runs a command and resolves with what it printed on stdout. */
function capture(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`)),
    );
  });
}

/** The environment of a fresh shell: nothing from the npm run that started this check leaks in. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(npm_|NODE_OPTIONS$|DATABASE_URL$|NEXTAUTH_|SITE_URL$|PORT$)/i.test(name),
    ),
  );
  return { ...env, ...extra } as NodeJS.ProcessEnv;
}

async function get(url: string) {
  const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(30_000) });
  return { status: response.status, body: await response.text() };
}

async function waitForHome(base: string, server: ReturnType<typeof spawn>) {
  const deadline = Date.now() + START_DEADLINE_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`npm start exited with ${server.exitCode}`);
    const answer = await get(`${base}/`).catch(() => null);
    if (answer?.status === 200) return answer;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${base}/ did not answer 200 within ${START_DEADLINE_MS / 1000} s`);
}

runCli(async () => {
  const root = process.cwd();
  for (const built of [".next/BUILD_ID", "dist/serve.js", "dist/production-server.js"]) {
    if (!fs.existsSync(path.join(root, built)))
      throw new StartupError(`${built} is missing: run npm run build (or npm test -- e2e) first.`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pressroom-production-"));
  // As root, the embedded PostgreSQL runs as a `postgres` user, which must reach its binaries here.
  fs.chmodSync(dir, 0o755);
  console.log(`Production install in ${dir}`);
  let server: ReturnType<typeof spawn> | null = null;
  try {
    for (const file of RUNTIME_FILES) {
      fs.cpSync(path.join(root, file), path.join(dir, file), {
        recursive: true,
        // Next's build cache is for the next build, not for serving.
        filter: (source) => !source.startsWith(path.join(root, ".next/cache")),
      });
    }
    await run("npm", ["ci", "--omit=dev", "--offline", "--no-audit", "--no-fund"], dir, cleanEnv({}));
    const installed = (name: string) => fs.existsSync(path.join(dir, "node_modules", name));
    const present = MUST_BE_ABSENT.filter(installed);
    if (present.length) throw new Error(`the production install contains ${present.join(", ")}`);
    // npm keeps a devDependency that is also an optional peer of a dependency (typescript for
    // @prisma/client, @playwright/test for next): removed here, so the start below proves that no
    // devDependency is needed at run time.
    const devDependencies = Object.keys(
      (JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { devDependencies: object })
        .devDependencies,
    );
    const removed = devDependencies.filter(installed);
    for (const name of removed) fs.rmSync(path.join(dir, "node_modules", name), { recursive: true });
    if (removed.length)
      console.log(`Removed devDependencies npm installed as optional peers: ${removed.join(", ")}`);

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = cleanEnv({
      PORT: String(port),
      EMBEDDED_PG_PORT: String(await freePort()),
      PRESSROOM_DATA_DIR: path.join(dir, ".data"),
      NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
      SITE_URL: base,
    });
    // Its own process group, so the check can stop npm, the server and the database together.
    server = spawn("npm", ["start"], { cwd: dir, env, stdio: "inherit", detached: true });
    const home = await waitForHome(base, server);
    if (!home.body.includes("<html")) throw new Error("/ answered 200 without a page");
    const list = await get(`${base}/api/releases?limit=1`);
    const first = (JSON.parse(list.body) as { items?: { url: string }[] }).items?.[0];
    if (list.status !== 200 || !first)
      throw new Error(`/api/releases answered ${list.status}: ${list.body.slice(0, 200)}`);
    const releasePath = new URL(first.url).pathname;
    const release = await get(`${base}${releasePath}`);
    if (release.status !== 200 || !release.body.includes("<data value="))
      throw new Error(`${releasePath} answered ${release.status} without its figures`);
    console.log(`✔ production install (npm ci --omit=dev): / and ${releasePath} answer 200`);

    // The operator commands run there too, from their compiled copies (scripts/run-script.mjs).
    const nginxPrefix = path.join(dir, "nginx");
    const config = await capture(
      "npm",
      [
        "run",
        "-s",
        "deploy:nginx",
        "--",
        "--listen",
        "127.0.0.1:8080",
        "--upstream",
        `127.0.0.1:${port}`,
        "--prefix",
        nginxPrefix,
      ],
      dir,
      env,
    );
    if (!config.includes(`server 127.0.0.1:${port} `))
      throw new Error("npm run deploy:nginx printed no upstream");
    const backupFile = path.join(dir, "backup.tar.gz");
    await run("npm", ["run", "-s", "db:backup", "--", "--out", backupFile], dir, env);
    if (!fs.existsSync(backupFile) || fs.statSync(backupFile).size === 0)
      throw new Error("npm run db:backup wrote no backup");
    console.log("✔ npm run deploy:nginx and npm run db:backup run without tsx");
  } finally {
    if (server?.pid && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once("exit", resolve));
      process.kill(-server.pid, "SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
    }
    // --keep leaves the directory for a look after a failure.
    if (process.argv.includes("--keep")) console.log(`Kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
});
