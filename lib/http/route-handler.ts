import { errorResponse, isDatabaseUnavailable } from "../errors";

type Handler<Ctx> = (request: Request, context: Ctx) => Promise<Response>;

/**
 * The one wrapper for route handlers: any error becomes the one JSON error body with its status.
 * Except a read that failed because the database is down: it is thrown on, so Next never stores an
 * error as the ISR copy of a static route (nor replaces a good one with it), and the production
 * server answers it with 503 and Retry-After (lib/http/outage-response.ts).
 */
export function routeHandler<Ctx>(handler: Handler<Ctx>): Handler<Ctx> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      if ((request.method === "GET" || request.method === "HEAD") && isDatabaseUnavailable(error))
        throw error;
      return errorResponse(error);
    }
  };
}
