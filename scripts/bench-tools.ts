// Pieces both benchmarks use: the production server, child processes, memory of a process tree.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { compileServer } from "./compile-server";
import { PRODUCTION_SERVER_ARGS, productionNodeOptions } from "./node-options";

export function sh(command: string, args: string[], env: Record<string, string>) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited ${code}`))));
  });
}

/** Resident memory of a process and all its descendants, in bytes. */
export function treeRss(pid: number): number {
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, "utf8");
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
      const children = fs.readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim();
      if (children) stack.push(...children.split(/\s+/).map(Number));
    } catch {
      // The process ended between two reads.
    }
  }
  return total;
}

export async function waitForServer(url: string, child: ChildProcess) {
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error("the server exited during start-up");
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not start within 60 s");
}

export interface BenchServer {
  base: string;
  /** Peak resident memory of the server's process tree so far (sampled every 200 ms), in bytes. */
  peakRss(): number;
  /** One more memory sample now (after the sampling stopped). */
  sampleRss(): void;
  stopSampling(): void;
  stop(): void;
}

/**
 * The production server both benchmarks measure: `next build` when there is no build yet (or
 * BENCH_BUILD=1), the compiled server npm start runs (a second, so always), started on `port`
 * against `databaseUrl`, and answering before this returns; its memory sampled meanwhile.
 */
export async function startBenchServer(options: {
  port: number;
  databaseUrl: string;
  secret: string;
  env?: Record<string, string>;
}): Promise<BenchServer> {
  const base = `http://127.0.0.1:${options.port}`;
  const env: Record<string, string> = {
    NODE_OPTIONS: productionNodeOptions(),
    DATABASE_URL: options.databaseUrl,
    NEXTAUTH_SECRET: options.secret,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    PORT: String(options.port),
    SITE_URL: base,
    NEXTAUTH_URL: base,
    ...options.env,
  };
  if (!fs.existsSync(path.resolve(".next/BUILD_ID")) || process.env.BENCH_BUILD === "1") {
    console.log("Building (no production build found) ...");
    await sh(path.resolve("node_modules/.bin/next"), ["build"], env);
  }
  await compileServer();
  const server = spawn(process.execPath, PRODUCTION_SERVER_ARGS, {
    env: { ...process.env, ...env } as NodeJS.ProcessEnv,
    stdio: "ignore",
  });
  let peak = 0;
  const sampleRss = () => (peak = Math.max(peak, treeRss(server.pid ?? 0)));
  const sampler = setInterval(sampleRss, 200);
  const stop = () => {
    clearInterval(sampler);
    server.kill("SIGTERM");
  };
  try {
    await waitForServer(`${base}/api/releases?limit=1`, server);
  } catch (error) {
    stop();
    throw error;
  }
  return { base, peakRss: () => peak, sampleRss, stopSampling: () => clearInterval(sampler), stop };
}
