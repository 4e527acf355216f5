// GET|POST /api/auth/* - next-auth (sign-in with email and password, sign-out, session, CSRF token)
import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { clientIp } from "@/lib/auth/client-ip";
import { authOptions } from "@/lib/auth/options";
import { ipRetryAfterSeconds } from "@/lib/auth/sign-in-limits";
import { AppError, errorResponse } from "@/lib/errors";
import { AUTH_BODY_MAX_BYTES, readBody } from "@/lib/http/body-limits";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

// Over the per-IP limit a sign-in gets a real 429 with Retry-After, which next-auth cannot send itself.
// next-auth reads the whole form itself: it gets a copy of a body already read within the limit.
async function post(request: NextRequest, context: Context) {
  try {
    const { nextauth } = await context.params;
    if (nextauth.join("/") === "callback/credentials") {
      const retryAfterSeconds = await ipRetryAfterSeconds(clientIp(request.headers));
      if (retryAfterSeconds) throw new AppError("rate_limited", "登录尝试过于频繁，请稍后再试", { retryAfterSeconds });
    }
    const body = await readBody(request, AUTH_BODY_MAX_BYTES);
    const bounded = new NextRequest(request.url, { method: request.method, headers: request.headers, body: Buffer.from(body) });
    return await handler(bounded, context);
  } catch (error) {
    return errorResponse(error);
  }
}

export { handler as GET, post as POST };
