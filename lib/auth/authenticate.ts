import "server-only";
import { db } from "../db";
import { signInFailures } from "../observability/metrics";
import { recordAudit } from "../audit/record-audit";
import { hashPassword, verifyPassword } from "./password";
import { beginSignInAttempt, markAttemptSucceeded, SIGN_IN_TRANSACTION } from "./sign-in-limits";

/** Why a sign-in was refused; the sign-in form shows the catalogue's text for each (lib/i18n). */
export type SignInRefusal = "invalid" | "locked" | "rateLimited";

export class SignInRefused extends Error {
  constructor(
    readonly reason: SignInRefusal,
    readonly retryAfterSeconds?: number,
  ) {
    super(reason);
  }
}

// Verifying against this when the email is unknown keeps both answers equally slow.
let dummyHash: Promise<string> | undefined;

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: "admin" | "publisher" | "editor";
  sessionVersion: number;
}

/**
 * Checks a sign-in: address limit and account lock (decided and counted atomically before the
 * password is looked at), then the password; records an audit entry either way. The one place the
 * limits are checked: the next-auth route only turns a "rateLimited" refusal into HTTP 429.
 */
export async function authenticate(
  input: { email: string; password: string; ip: string },
  verify: typeof verifyPassword = verifyPassword,
): Promise<SignedInUser> {
  const email = input.email.trim().toLowerCase();
  const ip = input.ip;
  const decision = await beginSignInAttempt(email, ip);
  if (decision.kind === "rateLimited") {
    signInFailures.inc({ reason: "rateLimited" });
    throw new SignInRefused("rateLimited", decision.retryAfterSeconds);
  }
  if (decision.kind === "locked") {
    signInFailures.inc({ reason: "locked" });
    await db.$transaction(
      (tx) => recordAudit(tx, { actorEmail: email, action: "auth.signin.locked", targetType: "user", ip }),
      SIGN_IN_TRANSACTION,
    );
    throw new SignInRefused("locked");
  }
  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      sessionVersion: true,
      passwordHash: true,
    },
  });
  dummyHash ??= hashPassword("pressroom-timing-equaliser");
  const valid = user
    ? await verify(user.passwordHash, input.password)
    : await verify(await dummyHash, input.password).then(() => false);
  const ok = Boolean(user && user.active && valid);
  await db.$transaction(async (tx) => {
    if (ok) await markAttemptSucceeded(tx, decision.attemptId);
    await recordAudit(tx, {
      actor: ok && user ? { id: user.id, email: user.email } : null,
      actorEmail: email,
      action: ok ? "auth.signin.success" : "auth.signin.failure",
      targetType: "user",
      targetId: user?.id,
      details: ok
        ? undefined
        : { reason: !user ? "unknown_email" : !user.active ? "inactive" : "wrong_password" },
      ip,
    });
  }, SIGN_IN_TRANSACTION);
  if (!ok || !user) {
    signInFailures.inc({ reason: "invalid" });
    throw new SignInRefused("invalid");
  }
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    sessionVersion: user.sessionVersion,
  };
}
