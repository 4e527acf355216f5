import { type Actor } from "../auth/actor";
import { clientIp } from "../auth/client-ip";
import { getCurrentUser } from "../auth/current-user";
import { AppError, errorResponse } from "../errors";

type Handler<Ctx> = (input: { actor: Actor | null; request: Request; context: Ctx; body: unknown }) => Promise<unknown>;

/** A state-changing request must come from our own pages: browsers always send Origin cross-site. */
export function assertSameOrigin(request: Request) {
  if (request.method === "GET" || request.method === "HEAD") return;
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin) {
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (originHost !== host) throw new AppError("forbidden", "请求来源无效");
  } else if (request.headers.get("sec-fetch-site") === "cross-site") {
    throw new AppError("forbidden", "请求来源无效");
  }
}

/**
 * The one wrapper of the admin JSON API: same-origin check, the acting user (null if signed out:
 * the domain function answers 401/403 itself), the JSON body, and errors as the one error body.
 */
export function adminRoute<Ctx>(handler: Handler<Ctx>) {
  return async (request: Request, context: Ctx): Promise<Response> => {
    try {
      assertSameOrigin(request);
      const user = await getCurrentUser();
      const actor = user && { ...user, ip: clientIp(request.headers) };
      let body: unknown = undefined;
      const type = request.headers.get("content-type") ?? "";
      if (type.includes("application/json")) {
        try {
          body = await request.json();
        } catch {
          throw new AppError("bad_request", "请求内容不是有效的 JSON");
        }
      }
      const result = await handler({ actor, request, context, body });
      return result instanceof Response ? result : Response.json(result ?? { ok: true }, { headers: { "cache-control": "no-store" } });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
