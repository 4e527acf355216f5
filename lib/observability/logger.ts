import pino, { type Logger } from "pino";
import { onShutdown } from "../shutdown";
import { logLinesDropped } from "./metrics";

/**
 * Paths that must never reach a log line, whatever a caller passes: credentials, session cookies,
 * tokens. Logged objects should not carry them in the first place; this is the second line.
 */
export const REDACTED_PATHS = [
  "password",
  "*.password",
  "token",
  "*.token",
  "cookie",
  "*.cookie",
  "authorization",
  "*.authorization",
  "headers.cookie",
  "headers.authorization",
  'headers["set-cookie"]',
  "*.headers.cookie",
  "*.headers.authorization",
  '*.headers["set-cookie"]',
];

export function createLogger(
  options: {
    level?: string;
    destination?: pino.DestinationStream;
    /** false only for lines whose fields are fixed and carry no secret (the request log). */
    redact?: boolean;
  } = {},
): Logger {
  const settings: pino.LoggerOptions = {
    level: options.level ?? process.env.LOG_LEVEL ?? "info",
    base: { pid: process.pid },
    ...(options.redact === false ? {} : { redact: { paths: REDACTED_PATHS, censor: "[redacted]" } }),
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}

/** What the request log may hold in memory while its output is slower than the requests. */
export const REQUEST_LOG_BUFFER_BYTES = 8 * 1024 * 1024;

/**
 * The production server's request log (lib/http/request-log.ts), one line per request and so the
 * hottest logging there is. Its fields are fixed and never carry a secret, so it skips the
 * redaction pass, which was half of a cached answer's time (README, "Benchmark"). Written without
 * blocking, as pino does by default; unlike the default, an output that fails or stalls (a full disk,
 * a log collector that stopped reading) neither crashes nor holds the process: lines beyond
 * REQUEST_LOG_BUFFER_BYTES are dropped and counted, a failed write is counted and dropped, and the
 * exit waits at most 2 s for what is still on its way.
 */
export function createRequestLogger(options: { fd?: number; bufferBytes?: number } = {}): Logger {
  const destination = pino.destination({
    dest: options.fd ?? 1,
    sync: false,
    maxLength: options.bufferBytes ?? REQUEST_LOG_BUFFER_BYTES,
  });
  destination.on("drop", () => logLinesDropped.inc());
  // Given up on: pino flushes this stream synchronously at exit, and sonic-boom retries a write
  // that fails or cannot proceed (a full pipe) there forever, so the process would never exit.
  let abandoned = false;
  const flushSync = destination.flushSync.bind(destination);
  destination.flushSync = () => {
    if (!abandoned) flushSync();
  };
  destination.on("error", () => {
    abandoned = true;
    logLinesDropped.inc();
  });
  // Whether lines are still on their way out: set by each line, cleared when the output has taken them all.
  let pending = false;
  const write = destination.write.bind(destination);
  destination.write = (line: string) => {
    pending = true;
    return write(line);
  };
  destination.on("drain", () => (pending = false));
  onShutdown(
    () =>
      new Promise<void>((resolve) => {
        if (!pending) return resolve();
        const timer = setTimeout(() => {
          abandoned = true;
          resolve();
        }, 2000);
        destination.once("drain", () => {
          clearTimeout(timer);
          resolve();
        });
      }),
  );
  return createLogger({ destination, redact: false });
}
