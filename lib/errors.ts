import { ZodError } from "zod";
import { RETRY_AFTER_SECONDS } from "./database/health";

export type ErrorCode =
  | "bad_request"
  | "validation_failed"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "unavailable"
  | "internal";

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

export interface FieldIssue {
  path: string;
  message: string;
}

/** The one error type of the domain: a code (which decides the HTTP status) and a message for people. */
export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: { fields?: FieldIssue[]; retryAfterSeconds?: number; [key: string]: unknown },
  ) {
    super(message);
  }
  get status() {
    return STATUS[this.code];
  }
}

export function fieldIssues(error: ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

// Prisma's codes for a database it cannot reach or lost (P1001 unreachable, P1002 timed out,
// P1008 operation timed out, P1017 connection closed), and the pg adapter's kinds under P2010 (raw).
const UNREACHABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017"]);
const UNREACHABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "DatabaseDoesNotExist",
]);
// SQLSTATEs the server sends while it cannot serve: class 08 (connection exception), 57P01-57P03
// (shutting down, crashed, starting up). The adapter passes them on as kind "postgres".
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123])$/;
// node-postgres raises a lost or never-made connection as a plain Error without a code ("Connection
// terminated unexpectedly" when the server goes away, "Connection terminated due to connection
// timeout" with a connect_timeout in DATABASE_URL), and the adapter passes it through
// unwrapped: the wording is all there is (pinned by tests/unit/database-unavailable.test.ts).
const PG_CONNECTION_LOST = [
  "Connection terminated",
  "Client has encountered a connection error and is not queryable",
];

/** True when the error says the database is down or unreachable, not that a query was wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = prismaCode(error);
  if (code && UNREACHABLE_CODES.has(code)) return true;
  if (
    error instanceof Error &&
    !("code" in error && error.code) &&
    PG_CONNECTION_LOST.some((start) => error.message.startsWith(start))
  )
    return true;
  const cause = driverAdapterCause(error);
  if (cause?.kind === "postgres")
    return typeof cause.code === "string" && UNAVAILABLE_SQLSTATE.test(cause.code);
  return typeof cause?.kind === "string" && UNREACHABLE_KINDS.has(cause.kind);
}

type AdapterCause = { kind?: unknown; code?: unknown };

/** What the pg adapter said: inside a Prisma error's meta, or its own DriverAdapterError (failed connects). */
function driverAdapterCause(error: unknown): AdapterCause | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  if ("meta" in error)
    return (error as { meta?: { driverAdapterError?: { cause?: AdapterCause } } }).meta?.driverAdapterError
      ?.cause;
  if (error instanceof Error && error.name === "DriverAdapterError" && typeof error.cause === "object")
    return error.cause as AdapterCause;
  return undefined;
}

/** The SQLSTATE PostgreSQL answered a query with (57014: cancelled by statement_timeout), if any. */
export function sqlStateOf(error: unknown): string | undefined {
  const cause = driverAdapterCause(error);
  return cause?.kind === "postgres" && typeof cause.code === "string" ? cause.code : undefined;
}

function prismaCode(error: unknown): string | undefined {
  if (
    typeof error === "object" &&
    error !== null &&
    "code" in error &&
    typeof error.code === "string" &&
    /^P\d{4}$/.test(error.code)
  ) {
    return error.code;
  }
  return undefined;
}

/** Any thrown value as an AppError; unknown errors are logged and become a 500 that reveals nothing. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError)
    return new AppError("validation_failed", "提交的内容有误，请检查标出的字段。", {
      fields: fieldIssues(error),
    });
  if (isDatabaseUnavailable(error)) {
    // Every write is one transaction: nothing of it was stored, and the editor keeps the text.
    return databaseUnavailableError("write");
  }
  const code = prismaCode(error);
  if (code === "P2002") return new AppError("conflict", "该值已被使用（例如别名重复）。");
  if (code === "P2025") return new AppError("not_found", "未找到该内容。");
  // A row that names another that is not there (never was, or deleted meanwhile).
  if (code === "P2003") return new AppError("not_found", "未找到关联的内容，可能已被删除。");
  console.error(error);
  return new AppError("internal", "服务器出错了，请稍后再试。");
}

export const DATABASE_UNAVAILABLE_MESSAGES = {
  read: "数据库暂时不可用，请稍后再试",
  write: "数据库暂时不可用，内容未保存，请稍后再试",
} as const;

/** 503 unavailable with Retry-After: for a read ("try again") or a write ("nothing was saved"). */
export function databaseUnavailableError(kind: "read" | "write"): AppError {
  return new AppError("unavailable", DATABASE_UNAVAILABLE_MESSAGES[kind], {
    retryAfterSeconds: RETRY_AFTER_SECONDS,
  });
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: FieldIssue[]; [detail: string]: unknown };
}

/** The one JSON error body: { error: { code, message, fields? } }. */
export function errorResponse(error: unknown): Response {
  const e = toAppError(error);
  // Details are set by our own code on purpose (field issues, the newer version on a conflict).
  const { retryAfterSeconds, ...details } = e.details ?? {};
  const body: ErrorBody = { error: { code: e.code, message: e.message, ...details } };
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (retryAfterSeconds) headers["retry-after"] = String(retryAfterSeconds);
  return Response.json(body, { status: e.status, headers });
}
