import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "../db";
import { recordAudit } from "../audit/record-audit";
import { authenticate, SignInRefused } from "./authenticate";
import { safeCallbackPath } from "./callback-url";
import { clientIp } from "./client-ip";

export const SESSION_MAX_AGE_SECONDS = 8 * 3600;

const refusals = new AsyncLocalStorage<{ refusal?: SignInRefused }>();

/**
 * Runs next-auth's handler and reports a refused sign-in with its reason: next-auth itself can only
 * redirect with ?error=, and the route wants a real 429 with Retry-After for the address limit.
 */
export async function captureSignInRefusal(
  run: () => Promise<Response>,
): Promise<{ response: Response; refusal?: SignInRefused }> {
  const store: { refusal?: SignInRefused } = {};
  const response = await refusals.run(store, run);
  return { response, refusal: store.refusal };
}

/** A session whose user signed out everywhere, was deactivated or was changed: it ends at its next read. */
class SessionEnded extends Error {
  constructor() {
    super("session ended");
  }
}

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 15 * 60 },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "邮箱和密码",
      credentials: { email: { label: "邮箱", type: "email" }, password: { label: "密码", type: "password" } },
      async authorize(credentials, req) {
        try {
          return await authenticate({
            email: credentials?.email ?? "",
            password: credentials?.password ?? "",
            ip: clientIp(req.headers ?? {}),
          });
        } catch (error) {
          // next-auth turns a thrown message into ?error=<message>: the sign-in page maps it to Chinese.
          if (error instanceof SignInRefused) {
            const store = refusals.getStore();
            if (store) store.refusal = error;
            throw new Error(error.reason);
          }
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    // Only addresses of this site after sign-in and sign-out (never an open redirect).
    redirect({ url, baseUrl }) {
      return `${new URL(baseUrl).origin}${safeCallbackPath(url, baseUrl)}`;
    },
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.sv = user.sessionVersion;
        return token;
      }
      // Every read of the session (getServerSession, /api/auth/session) checks it is still the
      // user's current one, as getCurrentUser does for every admin action: throwing makes next-auth
      // answer "no session" and clear the cookie, instead of reporting the old user and role.
      if (!token.uid) throw new SessionEnded();
      let current: { active: boolean; sessionVersion: number; role: typeof token.role } | null;
      try {
        current = await db.user.findUnique({
          where: { id: token.uid },
          select: { active: true, sessionVersion: true, role: true },
        });
      } catch {
        // The database is out of reach: the session is not ended for that (next-auth would clear
        // the cookie); every admin action checks the session again and answers 503 meanwhile.
        return token;
      }
      if (!current?.active || current.sessionVersion !== token.sv) throw new SessionEnded();
      token.role = current.role;
      return token;
    },
    session({ session, token }) {
      session.user = {
        id: token.uid ?? "",
        email: token.email ?? "",
        name: token.name ?? "",
        role: token.role ?? "editor",
      };
      session.sessionVersion = token.sv ?? 0;
      return session;
    },
  },
  logger: {
    // An ended session is expected, not an error worth a stack trace on every stale cookie.
    error(code, metadata) {
      const error =
        metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
      if (error instanceof SessionEnded) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
  },
  events: {
    // Signing out ends every session of the user, not only this browser's cookie.
    async signOut({ token }) {
      if (!token?.uid) return;
      await db.$transaction(async (tx) => {
        await tx.user.update({ where: { id: token.uid }, data: { sessionVersion: { increment: 1 } } });
        await recordAudit(tx, {
          actor: { id: token.uid!, email: token.email ?? "" },
          action: "auth.signout",
          targetType: "user",
          targetId: token.uid,
        });
      });
    },
  },
};
