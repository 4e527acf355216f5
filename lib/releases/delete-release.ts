import "server-only";
import { z } from "zod";
import { db } from "../db";
import { requirePermission, type Actor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../errors";
import { wasPublic } from "../publication/visibility";
import { lockReleaseAtVersion } from "./lock-release";
import { snapshotRelease } from "./snapshot";

const deleteSchema = z.object({ baseVersion: z.number().int().positive() });

/**
 * Deletes a release that readers never saw (a draft, in review, or archived without ever being
 * published). Its last snapshot goes into the audit entry, so even this can be recovered by hand.
 */
export async function deleteRelease(actor: Actor | null, releaseId: string, raw: unknown) {
  const user = requirePermission(actor, "release.delete");
  const { baseVersion } = deleteSchema.parse(raw);
  await db.$transaction(async (tx) => {
    const release = await lockReleaseAtVersion(tx, releaseId, baseVersion);
    if (wasPublic(release)) throw new AppError("conflict", "发布过的稿件不能删除，请改为归档");
    const snapshot = await snapshotRelease(tx, releaseId);
    await tx.release.delete({ where: { id: releaseId } });
    await recordAudit(tx, {
      actor: user,
      action: "release.delete",
      targetType: "release",
      targetId: releaseId,
      details: { snapshot },
      ip: user.ip,
    });
  });
  return { deleted: releaseId };
}
