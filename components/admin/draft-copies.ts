// The editor's copy of unsaved typing in this browser's localStorage. Keyed by user, so a shared
// browser never offers one person's draft to another, and removed on sign-out.
const PREFIX = "pressroom:draft:";

export const draftCopyKey = (userId: string, releaseId: string) => `${PREFIX}${userId}:${releaseId}`;

/**
 * Every copy this browser holds (any user's, and the older per-release keys), or all but one
 * user's: a session that expired keeps its owner's unsaved work for the next sign-in, and the
 * first editor another person opens on a shared browser removes it.
 */
export function clearDraftCopies(storage: Storage = localStorage, keepUserId?: string) {
  for (let i = storage.length - 1; i >= 0; i--) {
    const key = storage.key(i);
    if (key?.startsWith(PREFIX) && !(keepUserId && key.startsWith(`${PREFIX}${keepUserId}:`)))
      storage.removeItem(key);
  }
}

/** A stored copy, or null when there is none or it cannot be read (a corrupt entry never breaks the editor). */
export function readDraftCopy<T>(storage: Storage, key: string): T | null {
  try {
    const raw = storage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    storage.removeItem(key);
    return null;
  }
}
