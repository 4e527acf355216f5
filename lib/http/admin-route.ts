import { type Actor } from "../auth/actor";
import { clientIp } from "../auth/client-ip";
import { getCurrentUser } from "../auth/current-user";
import { AppError, errorResponse } from "../errors";
import { withPublicChangeSignal } from "../publication/public-change";
import { bodyRuleFor, readJsonBody } from "./body-limits";
import { assertSameOrigin } from "./same-origin";

type Handler<Ctx> = (input: {
  actor: Actor | null;
  request: Request;
  context: Ctx;
  body: unknown;
}) => Promise<unknown>;
type Options = { readsBody?: "json" | "self" };

// Every record the admin API names by [id] has a uuid for id.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The route's [id], if it has one. */
async function idParam(context: unknown): Promise<string | undefined> {
  const params = (context as { params?: Promise<Record<string, string | string[]>> } | null)?.params;
  const id = params ? (await params).id : undefined;
  return typeof id === "string" || id === undefined ? id : id.join("/");
}

/**
 * The one wrapper of the admin JSON API: same-origin check, the acting user (null if signed out:
 * the domain function answers 401/403 itself), the JSON body, and errors as the one error body.
 * A body is read only once a session is known, and only up to the limit of lib/http/body-limits.ts
 * (routes that read their own body, like the upload, say `readsBody: "self"`).
 */
export function adminRoute<Ctx>(handler: Handler<Ctx>, options: Options = {}) {
  return async (request: Request, context: Ctx): Promise<Response> => {
    try {
      assertSameOrigin(request);
      const user = await getCurrentUser();
      const actor = user && { ...user, ip: clientIp(request.headers) };
      const rule = bodyRuleFor(request.method, new URL(request.url).pathname);
      if (rule && !actor) throw new AppError("unauthenticated", "请先登录");
      // An id that is no uuid names nothing: a 404 here, not a database error in the domain function.
      // (Without a session the domain function's 401 comes first, as for any other id.)
      const id = await idParam(context);
      if (actor && id !== undefined && !UUID.test(id)) throw new AppError("not_found", "未找到该内容。");
      let body: unknown = undefined;
      const type = request.headers.get("content-type") ?? "";
      if (options.readsBody !== "self" && type.includes("application/json"))
        body = await readJsonBody(request, rule?.maxBytes);
      // A public change announced by the domain function marks the response for the server's caches.
      return await withPublicChangeSignal(async () => {
        const result = await handler({ actor, request, context, body });
        return result instanceof Response
          ? result
          : Response.json(result ?? { ok: true }, { headers: { "cache-control": "no-store" } });
      });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
