// The editor's copy of unsaved typing in this browser's localStorage. Keyed by user, so a shared
// browser never offers one person's draft to another, and removed on sign-out.
const PREFIX = "pressroom:draft:";

export const draftCopyKey = (userId: string, releaseId: string) => `${PREFIX}${userId}:${releaseId}`;

/** Every copy this browser holds (any user's, and the older per-release keys). */
export function clearDraftCopies(storage: Storage = localStorage) {
  for (let i = storage.length - 1; i >= 0; i--) {
    const key = storage.key(i);
    if (key?.startsWith(PREFIX)) storage.removeItem(key);
  }
}
