import "server-only";
import { db, type Tx } from "../db";

export const LOCK_WINDOW_MS = 15 * 60_000;
export const ACCOUNT_FAILURE_LIMIT = 5;
export const IP_FAILURE_LIMIT = 20;
/** An address the account signed in from within this time is one its owner uses (below). */
export const KNOWN_ADDRESS_MS = 30 * 24 * 3600_000;

/** A burst of sign-ins queues for connections and on the locks; each turn takes milliseconds, so wait rather than fail. */
export const SIGN_IN_TRANSACTION = { maxWait: 15_000, timeout: 15_000 };

// Two-key advisory locks (class, hash): one class per kind of key, apart from the migration lock.
const LOCK_CLASS = { address: 7301, account: 7302 } as const;

async function lockKey(tx: Tx, kind: keyof typeof LOCK_CLASS, value: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_CLASS[kind]}::int4, hashtext(${value}))`;
}

/**
 * When the account's lock ends for this address, if it is locked: 5 failures since its last
 * success within 15 minutes. From an address the account signed in from in the last 30 days only
 * that address's own failures count: guesses from anywhere else lock the account everywhere else,
 * but cannot lock its owner out of the places they work from (a lock anyone could renew every 15
 * minutes would be a way to keep every staff member out).
 */
async function accountLockedUntil(
  tx: Tx,
  email: string,
  ip: string,
  now: Date,
  excludeId?: bigint,
): Promise<Date | null> {
  const since = new Date(now.getTime() - LOCK_WINDOW_MS);
  const lastSuccess = await tx.signInAttempt.findFirst({
    where: { email, succeeded: true, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
  });
  const knownAddress = await tx.signInAttempt.findFirst({
    where: { email, ip, succeeded: true, createdAt: { gt: new Date(now.getTime() - KNOWN_ADDRESS_MS) } },
    select: { id: true },
  });
  const failures = await tx.signInAttempt.findMany({
    where: {
      email,
      ...(knownAddress ? { ip } : {}),
      succeeded: false,
      createdAt: { gt: lastSuccess?.createdAt ?? since },
      ...(excludeId === undefined ? {} : { id: { not: excludeId } }),
    },
    orderBy: { createdAt: "desc" },
    take: ACCOUNT_FAILURE_LIMIT,
  });
  if (failures.length < ACCOUNT_FAILURE_LIMIT) return null;
  return new Date(failures[0].createdAt.getTime() + LOCK_WINDOW_MS);
}

/** Seconds until this address may try again, once it failed 20 times in 15 minutes. */
async function ipRetryAfterSeconds(tx: Tx, ip: string, now: Date): Promise<number | null> {
  const since = new Date(now.getTime() - LOCK_WINDOW_MS);
  const failures = await tx.signInAttempt.findMany({
    where: { ip, succeeded: false, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
    take: IP_FAILURE_LIMIT,
  });
  if (failures.length < IP_FAILURE_LIMIT) return null;
  // The window frees up when the oldest counted failure leaves it.
  const oldest = failures[failures.length - 1].createdAt.getTime();
  return Math.max(1, Math.ceil((oldest + LOCK_WINDOW_MS - now.getTime()) / 1000));
}

export type AttemptDecision =
  | { kind: "rateLimited"; retryAfterSeconds: number }
  | { kind: "locked" }
  | { kind: "proceed"; attemptId: bigint };

/**
 * Decides whether a sign-in may verify its password, and if so records it as a failure first.
 * Check and record happen under the address's and the account's advisory locks (always taken in
 * that order), so concurrent attempts see each other: however many arrive at once, at most 5 per
 * account and 20 per address reach the password check. A success turns its row into a success.
 */
export async function beginSignInAttempt(
  email: string,
  ip: string,
  now = new Date(),
): Promise<AttemptDecision> {
  return db.$transaction(async (tx) => {
    await lockKey(tx, "address", ip);
    const retryAfterSeconds = await ipRetryAfterSeconds(tx, ip, now);
    if (retryAfterSeconds) return { kind: "rateLimited", retryAfterSeconds };
    await lockKey(tx, "account", email);
    const attempt = await tx.signInAttempt.create({
      data: { email, ip, succeeded: false },
      select: { id: true },
    });
    // A refused try on a locked account still counts for its address: guessing on at a locked
    // account reaches the 429 like any other (and keeps the account locked while it goes on).
    if (await accountLockedUntil(tx, email, ip, now, attempt.id)) return { kind: "locked" };
    return { kind: "proceed", attemptId: attempt.id };
  }, SIGN_IN_TRANSACTION);
}

export async function markAttemptSucceeded(tx: Tx, attemptId: bigint) {
  await tx.signInAttempt.update({ where: { id: attemptId }, data: { succeeded: true } });
}
