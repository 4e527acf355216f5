import "server-only";
import type { Tx } from "../db";
import { AppError } from "../errors";

/**
 * Takes the release's row lock for this transaction and returns the row: two changes of one
 * release queue up here instead of both passing a version check. 404 when there is no such release.
 */
export async function lockRelease(tx: Tx, releaseId: string) {
  const locked = await tx.$queryRaw<
    Array<{ version: number }>
  >`SELECT version FROM release WHERE id = ${releaseId}::uuid FOR UPDATE`;
  if (!locked.length) throw new AppError("not_found", "未找到该稿件");
  return tx.release.findUniqueOrThrow({ where: { id: releaseId }, include: { pendingRevision: true } });
}

/** The same, and 409 unless the caller's version is still the current one. */
export async function lockReleaseAtVersion(tx: Tx, releaseId: string, baseVersion: number) {
  const release = await lockRelease(tx, releaseId);
  if (release.version !== baseVersion) throw new AppError("conflict", "稿件已被他人修改，请刷新后再操作");
  return release;
}
