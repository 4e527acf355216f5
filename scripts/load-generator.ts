// The benchmarks' load: wrk (C, Debian's package) when it can be had, autocannon otherwise.
import { execFile } from "node:child_process";
import fs from "node:fs";
import autocannon from "autocannon";
import { aptInstall } from "./apt-install";

export const WRK_PATH = process.env.WRK_PATH ?? "/usr/bin/wrk";

/** What every page request sends, as a browser does: the response cache keeps an answer per encoding. */
export const BROWSER_HEADERS = { "accept-encoding": "gzip, deflate, br" };

export interface LoadResult {
  /** Requests per second over the run. */
  rps: number;
  p50: number;
  p99: number;
  /** Connection errors, timeouts and answers other than 2xx (wrk: other than 2xx and 3xx; no page measured redirects). */
  errors: number;
}

export type LoadTool = "wrk" | "autocannon";

/**
 * wrk when installed, or installable (root and apt); else autocannon, said once. The server and
 * the load share this machine's cores, and autocannon, in JavaScript, took one of the two for
 * itself at a few thousand requests a second: the cached pages' times were mostly its own.
 */
export function chooseLoadTool(): LoadTool {
  chosen ??= pickLoadTool();
  return chosen;
}
let chosen: LoadTool | undefined;

function pickLoadTool(): LoadTool {
  if (process.env.BENCH_LOAD === "autocannon") return "autocannon";
  if (!fs.existsSync(WRK_PATH)) {
    try {
      aptInstall(["wrk"], "wrk is");
    } catch (error) {
      console.log(
        `${error instanceof Error ? error.message : String(error)}\nUsing autocannon instead: its own CPU use is part of every time measured.`,
      );
      return "autocannon";
    }
  }
  return "wrk";
}

/** `connections` clients each sending one request after another for `seconds`, on one thread. */
export async function generateLoad(
  tool: LoadTool,
  url: string,
  connections: number,
  seconds: number,
  headers: Record<string, string> = {},
): Promise<LoadResult> {
  const all = { ...BROWSER_HEADERS, ...headers };
  if (tool === "autocannon") {
    const result = await autocannon({ url, connections, duration: seconds, pipelining: 1, headers: all });
    return {
      rps: Math.round(result.requests.average),
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts + result.non2xx,
    };
  }
  const args = ["-t1", `-c${connections}`, `-d${seconds}s`, "--latency", "--timeout", "10s"];
  for (const [name, value] of Object.entries(all)) args.push("-H", `${name}: ${value}`);
  const output = await new Promise<string>((resolve, reject) =>
    execFile(WRK_PATH, [...args, url], (error, stdout, stderr) =>
      error ? reject(new Error(`wrk failed: ${stderr || error.message}`)) : resolve(stdout),
    ),
  );
  return parseWrkOutput(output);
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

/** The numbers of wrk's report (with --latency); throws on a report it cannot read. */
export function parseWrkOutput(output: string): LoadResult {
  const latency = (percent: number) => {
    const match = new RegExp(`^\\s*${percent}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, "m").exec(output);
    if (!match) throw new Error(`wrk's report has no ${percent}% latency:\n${output}`);
    return Math.round(Number(match[1]) * UNIT_MS[match[2]] * 100) / 100;
  };
  const rps = /^Requests\/sec:\s+([\d.]+)/m.exec(output);
  if (!rps) throw new Error(`wrk's report has no Requests/sec:\n${output}`);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(output);
  const errors =
    (socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0) + (non2xx ? Number(non2xx[1]) : 0);
  return { rps: Math.round(Number(rps[1])), p50: latency(50), p99: latency(99), errors };
}
