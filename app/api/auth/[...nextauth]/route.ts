// GET|POST /api/auth/* - next-auth (sign-in with email and password, sign-out, session, CSRF token)
import NextAuth from "next-auth";
import { authOptions, captureSignInRefusal } from "@/lib/auth/options";
import { AppError, errorResponse } from "@/lib/errors";
import { getMessages } from "@/lib/i18n/messages";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

// The limits are checked once, in authenticate(); over the per-address limit the sign-in gets a
// real 429 with Retry-After, which next-auth cannot send itself.
async function post(request: Request, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth.join("/") !== "callback/credentials") return handler(request, context);
  const { response, refusal } = await captureSignInRefusal(() => handler(request, context));
  if (refusal?.reason !== "rateLimited") return response;
  return errorResponse(new AppError("rate_limited", getMessages().signIn.rateLimited, { retryAfterSeconds: refusal.retryAfterSeconds }));
}

export { handler as GET, post as POST };
