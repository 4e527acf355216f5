// GET|POST /api/auth/* - next-auth (sign-in with email and password, sign-out, session, CSRF token)
import NextAuth from "next-auth";
import { clientIp } from "@/lib/auth/client-ip";
import { authOptions } from "@/lib/auth/options";
import { ipRetryAfterSeconds } from "@/lib/auth/sign-in-limits";
import { AppError, errorResponse } from "@/lib/errors";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

// Over the per-IP limit a sign-in gets a real 429 with Retry-After, which next-auth cannot send itself.
async function post(request: Request, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth.join("/") === "callback/credentials") {
    const retryAfterSeconds = await ipRetryAfterSeconds(clientIp(request.headers));
    if (retryAfterSeconds) return errorResponse(new AppError("rate_limited", "登录尝试过于频繁，请稍后再试", { retryAfterSeconds }));
  }
  return handler(request, context);
}

export { handler as GET, post as POST };
