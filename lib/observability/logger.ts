import { createRequire } from "node:module";
import pino, { type Logger } from "pino";

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

/** pino-pretty is a devDependency: used in development when installed, never needed by `npm start`. */
function prettyStream(): pino.DestinationStream | undefined {
  try {
    const require = createRequire(import.meta.url);
    const pretty = require("pino-pretty") as (options: object) => pino.DestinationStream;
    return pretty({ colorize: true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname" });
  } catch {
    return undefined;
  }
}

export function createLogger(
  options: { level?: string; pretty?: boolean; destination?: pino.DestinationStream } = {},
): Logger {
  const settings: pino.LoggerOptions = {
    level: options.level ?? process.env.LOG_LEVEL ?? "info",
    base: { pid: process.pid },
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
  };
  const pretty = options.pretty ?? process.env.NODE_ENV === "development";
  const destination = options.destination ?? (pretty ? prettyStream() : undefined);
  return destination ? pino(settings, destination) : pino(settings);
}

const KEY = Symbol.for("pressroom.logger");
const holder = globalThis as typeof globalThis & { [KEY]?: Logger };

/** The process's logger (JSON lines on stdout; pretty in development). */
export function getLogger(): Logger {
  holder[KEY] ??= createLogger();
  return holder[KEY];
}
