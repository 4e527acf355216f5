import "server-only";
import type { Tx } from "../db";
import { releaseSnapshotSchema, snapshotRelease, type ReleaseSnapshot } from "../releases/snapshot";

/**
 * What an editor works on: the pending changes of a live release when there are some, otherwise
 * the release as stored. The editor, the conflict screen and the review all start from this.
 */
export async function editingSnapshot(tx: Tx, releaseId: string): Promise<ReleaseSnapshot> {
  const release = await tx.release.findUniqueOrThrow({
    where: { id: releaseId },
    select: { pendingRevision: { select: { snapshot: true } } },
  });
  if (release.pendingRevision) return releaseSnapshotSchema.parse(release.pendingRevision.snapshot);
  return snapshotRelease(tx, releaseId);
}
