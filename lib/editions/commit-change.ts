import type { Prisma } from "../generated/prisma/client";
import type { Tx } from "../db";
import { AppError, type FieldIssue } from "../errors";
import { announcePublicChange } from "../publication/public-change";
import { publicReleaseWhere } from "../publication/visibility";

// Events and their editions are set up by publishers and admins. Every change is audited; a
// change to an edition or event that public releases belong to refreshes the public caches
// (the release pages, /editions and /data name them).

/** An id from an address: anything but a uuid is simply not found (never a database error). */
export function idParam(id: string, what: string) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
    throw new AppError("not_found", `未找到该${what}`);
  return id;
}

export async function hasPublicReleases(tx: Tx, where: Prisma.ReleaseWhereInput) {
  return (await tx.release.count({ where: { ...where, ...publicReleaseWhere() } })) > 0;
}

/**
 * Runs a write transaction; a unique violation becomes a 409 on the field that caused it, and a
 * change readers can see is announced after the commit.
 */
export async function commitChange<T>(
  conflict: FieldIssue,
  work: () => Promise<{ result: T; publicChanged: boolean }>,
): Promise<T> {
  let outcome: { result: T; publicChanged: boolean };
  try {
    outcome = await work();
  } catch (error) {
    if (typeof error === "object" && error !== null && "code" in error && error.code === "P2002")
      throw new AppError("conflict", conflict.message, { fields: [conflict] });
    throw error;
  }
  if (outcome.publicChanged) announcePublicChange();
  return outcome.result;
}
