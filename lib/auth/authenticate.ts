import { db } from "../db";
import { recordAudit } from "../audit/record-audit";
import { hashPassword, verifyPassword } from "./password";
import { accountLockedUntil, ipRetryAfterSeconds, recordSignInAttempt } from "./sign-in-limits";

export const SIGN_IN_ERRORS = {
  /** The same for an unknown email and a wrong password: nothing tells whether an account exists. */
  invalid: "邮箱或密码不正确",
  locked: "该账户因多次登录失败已被暂时锁定，请 15 分钟后再试",
  rateLimited: "登录尝试过于频繁，请稍后再试",
} as const;

export class SignInRefused extends Error {
  constructor(readonly reason: keyof typeof SIGN_IN_ERRORS, readonly retryAfterSeconds?: number) {
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

/** Checks a sign-in: IP limit, account lock, password; records the attempt and an audit entry either way. */
export async function authenticate(input: { email: string; password: string; ip: string }): Promise<SignedInUser> {
  const email = input.email.trim().toLowerCase();
  const ip = input.ip;
  const retryAfter = await ipRetryAfterSeconds(ip);
  if (retryAfter) throw new SignInRefused("rateLimited", retryAfter);
  if (await accountLockedUntil(email)) {
    await db.$transaction((tx) => recordAudit(tx, { actorEmail: email, action: "auth.signin.locked", targetType: "user", ip }));
    throw new SignInRefused("locked");
  }
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, active: true, sessionVersion: true, passwordHash: true },
  });
  dummyHash ??= hashPassword("pressroom-timing-equaliser");
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : await verifyPassword(await dummyHash, input.password).then(() => false);
  const ok = Boolean(user && user.active && valid);
  await recordSignInAttempt(email, ip, ok);
  await db.$transaction((tx) =>
    recordAudit(tx, {
      actor: ok && user ? { id: user.id, email: user.email } : null,
      actorEmail: email,
      action: ok ? "auth.signin.success" : "auth.signin.failure",
      targetType: "user",
      targetId: user?.id,
      details: ok ? undefined : { reason: !user ? "unknown_email" : !user.active ? "inactive" : "wrong_password" },
      ip,
    }),
  );
  if (!ok || !user) throw new SignInRefused("invalid");
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}
