import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { readSessionClaims } from "../auth/session-token";
import { AppError, type ErrorBody } from "../errors";
import { bodyRuleFor, tooLargeError, type BodyRule } from "./body-limits";

/**
 * The production server's gate, in front of Next (scripts/production-server.ts): a request that
 * may carry a body is refused before Next reads any of it when it has no session where one is
 * needed (401), declares a Content-Length over its route's limit (413), or, streamed without a
 * length, passes the limit while arriving (413, then the connection is cut off). The routes enforce the same
 * table again (lib/http/body-limits.ts), so this is about refusing early and cheaply: a 2 GB
 * upload from an anonymous client costs no memory and no time.
 */

/** Whether the request carries a session next-auth itself signed and that has not expired. */
export async function hasValidSession(
  cookieHeader: string | undefined,
  secret: string | undefined,
): Promise<boolean> {
  return (await readSessionClaims(cookieHeader, secret)) !== null;
}

const CLOSE_GRACE_MS = 5000;

function refuse(res: ServerResponse, error: AppError) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  res.writeHead(error.status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
  });
  res.end(JSON.stringify(body));
}

/**
 * Calls `next()` for requests the gate lets through; answers the others itself. Bodies that get
 * through are counted as they arrive, and a stream that passes its limit is cut off.
 */
export function gateRequest(
  req: IncomingMessage,
  res: ServerResponse,
  next: () => void,
  secret = process.env.NEXTAUTH_SECRET,
): void | Promise<void> {
  // Reads (every cached page) pass straight through, without a promise.
  const rule = bodyRuleFor(req.method, (req.url ?? "/").split("?")[0]);
  if (!rule) return next();
  return gateBody(req, res, next, rule, secret);
}

async function gateBody(
  req: IncomingMessage,
  res: ServerResponse,
  next: () => void,
  rule: BodyRule,
  secret: string | undefined,
): Promise<void> {
  let refused = false;
  let received = 0;
  // Counted where the HTTP parser hands each chunk to the request stream, so nothing is consumed
  // before Next reads it and nothing over the limit is ever queued. After a refusal nothing more
  // is taken, and answering false makes Node stop reading the socket: the rest of an upload stays
  // in the kernel (TCP flow control holds the client back) instead of passing through memory.
  const push = req.push.bind(req);
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (chunk === null || chunk === undefined) return push(chunk, encoding);
    if (refused) return false;
    received +=
      typeof chunk === "string" ? Buffer.byteLength(chunk, encoding) : (chunk as Uint8Array).byteLength;
    if (received <= rule.maxBytes) return push(chunk, encoding);
    // Next's reader of this body never gets the rest; it ends when the connection is cut off.
    refuseAndClose(tooLargeError(rule.maxBytes));
    return false;
  };

  const refuseAndClose = (error: AppError) => {
    if (refused) return;
    refused = true;
    refuse(res, error);
    // The connection is cut off after a grace period. Not at once, nor with Connection: close
    // (after which Node destroys the socket as soon as the answer is written): with unread data
    // the close is a reset, which can reach the client before the answer does, so it never sees
    // the 401/413 (seen under load).
    res.once("finish", () => setTimeout(() => req.socket.destroy(), CLOSE_GRACE_MS).unref());
  };

  const declared = req.headers["content-length"];
  if (declared !== undefined && Number(declared) > rule.maxBytes)
    return refuseAndClose(tooLargeError(rule.maxBytes));
  // A path that takes no body at all: a chunked one is refused before anything sees it.
  if (rule.maxBytes === 0 && req.headers["transfer-encoding"] !== undefined)
    return refuseAndClose(tooLargeError(0));
  if (rule.requiresSession && !(await hasValidSession(req.headers.cookie, secret))) {
    return refuseAndClose(new AppError("unauthenticated", "请先登录"));
  }
  next();
}
