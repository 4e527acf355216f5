// GET|POST /api/auth/* - next-auth (sign-in with email and password, sign-out, session, CSRF token)
import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions, captureSignInRefusal } from "@/lib/auth/options";
import { AppError, errorResponse } from "@/lib/errors";
import { AUTH_BODY_MAX_BYTES, readBody } from "@/lib/http/body-limits";
import { getMessages } from "@/lib/i18n/messages";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth reads the whole form itself: it gets a copy of a body already read within the limit.
// The sign-in limits are checked once, in authenticate(); over the per-address limit the sign-in
// gets a real 429 with Retry-After, which next-auth cannot send itself.
async function post(request: NextRequest, context: Context) {
  try {
    const { nextauth } = await context.params;
    const body = await readBody(request, AUTH_BODY_MAX_BYTES);
    const bounded = new NextRequest(request.url, {
      method: request.method,
      headers: request.headers,
      body: Buffer.from(body),
    });
    if (nextauth.join("/") !== "callback/credentials") return await handler(bounded, context);
    const { response, refusal } = await captureSignInRefusal(() => handler(bounded, context));
    if (refusal?.reason !== "rateLimited") return response;
    return errorResponse(
      new AppError("rate_limited", getMessages().signIn.rateLimited, {
        retryAfterSeconds: refusal.retryAfterSeconds,
      }),
    );
  } catch (error) {
    return errorResponse(error);
  }
}

export { handler as GET, post as POST };
