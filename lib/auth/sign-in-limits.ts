import { db } from "../db";

export const LOCK_WINDOW_MS = 15 * 60_000;
export const ACCOUNT_FAILURE_LIMIT = 5;
export const IP_FAILURE_LIMIT = 20;

/** When the account's lock ends, if it is locked: 5 failures since its last success within 15 minutes. */
export async function accountLockedUntil(email: string, now = new Date()): Promise<Date | null> {
  const since = new Date(now.getTime() - LOCK_WINDOW_MS);
  const lastSuccess = await db.signInAttempt.findFirst({ where: { email, succeeded: true, createdAt: { gt: since } }, orderBy: { createdAt: "desc" } });
  const failures = await db.signInAttempt.findMany({
    where: { email, succeeded: false, createdAt: { gt: lastSuccess?.createdAt ?? since } },
    orderBy: { createdAt: "desc" },
    take: ACCOUNT_FAILURE_LIMIT,
  });
  if (failures.length < ACCOUNT_FAILURE_LIMIT) return null;
  return new Date(failures[0].createdAt.getTime() + LOCK_WINDOW_MS);
}

/** Seconds until this address may try again, when it failed more than 20 times in 15 minutes. */
export async function ipRetryAfterSeconds(ip: string, now = new Date()): Promise<number | null> {
  const since = new Date(now.getTime() - LOCK_WINDOW_MS);
  const failures = await db.signInAttempt.findMany({
    where: { ip, succeeded: false, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
    take: IP_FAILURE_LIMIT + 1,
  });
  if (failures.length <= IP_FAILURE_LIMIT) return null;
  // The window frees up when the oldest counted failure leaves it.
  const oldest = failures[failures.length - 1].createdAt.getTime();
  return Math.max(1, Math.ceil((oldest + LOCK_WINDOW_MS - now.getTime()) / 1000));
}

export async function recordSignInAttempt(email: string, ip: string, succeeded: boolean) {
  await db.signInAttempt.create({ data: { email, ip, succeeded } });
}
