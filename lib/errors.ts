import { ZodError } from "zod";

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

/** True when the error says the database is down or unreachable, not that a query was wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = prismaCode(error);
  if (code && UNREACHABLE_CODES.has(code)) return true;
  const meta =
    typeof error === "object" && error !== null && "meta" in error
      ? (error as { meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } }).meta
      : undefined;
  const kind = meta?.driverAdapterError?.cause?.kind;
  return typeof kind === "string" && UNREACHABLE_KINDS.has(kind);
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
    return new AppError("unavailable", "数据库暂时不可用，内容未保存，请稍后再试", { retryAfterSeconds: 5 });
  }
  const code = prismaCode(error);
  if (code === "P2002") return new AppError("conflict", "该值已被使用（例如别名重复）。");
  if (code === "P2025") return new AppError("not_found", "未找到该内容。");
  console.error(error);
  return new AppError("internal", "服务器出错了，请稍后再试。");
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
