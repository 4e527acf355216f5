import { errorResponse } from "../errors";

type Handler<Ctx> = (request: Request, context: Ctx) => Promise<Response>;

/** The one wrapper for route handlers: any error becomes the one JSON error body with its status. */
export function routeHandler<Ctx>(handler: Handler<Ctx>): Handler<Ctx> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
