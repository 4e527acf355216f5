import type { ReleaseForm } from "./editor-form";

// Unsaved work can survive in two places: this browser's copy (every keystroke) and the server's
// autosave (every pause). The newer one that differs from the saved version is offered back.

export interface DraftCopy {
  data: ReleaseForm;
  savedAt: string;
  baseVersion: number;
}

export type DraftSource = "本机浏览器" | "服务器自动保存" | "恢复前的内容";

export interface RecoverableDraft {
  data: ReleaseForm;
  savedAt: string;
  source: DraftSource;
  /** The saved version the work was made against (absent in offers kept by older editors). */
  baseVersion?: number;
}

/** The draft to offer, or null when neither copy holds anything beyond the saved version. */
export function pickDraftToRecover(
  saved: ReleaseForm,
  browserCopy: DraftCopy | null,
  serverCopy: DraftCopy | null,
): RecoverableDraft | null {
  const savedJson = JSON.stringify(saved);
  const candidates: RecoverableDraft[] = [];
  if (browserCopy) candidates.push({ ...browserCopy, source: "本机浏览器" });
  if (serverCopy) candidates.push({ ...serverCopy, source: "服务器自动保存" });
  const differing = candidates.filter((c) => JSON.stringify(c.data) !== savedJson);
  // Stable sort: on a tie the browser's copy, listed first, wins.
  differing.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  const best = differing[0];
  return best
    ? { data: best.data, savedAt: best.savedAt, source: best.source, baseVersion: best.baseVersion }
    : null;
}

/** What the browser stores for a form being edited. */
export function browserDraftCopy(data: ReleaseForm, baseVersion: number, now = new Date()): DraftCopy {
  return { data, savedAt: now.toISOString(), baseVersion };
}

/** At most this many offers wait: the newest ones (a line that grew without end would fill the browser's storage). */
export const MAX_OFFERS = 5;

const isOffer = (value: unknown): value is RecoverableDraft =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as RecoverableDraft).savedAt === "string" &&
  typeof (value as RecoverableDraft).data === "object" &&
  (value as RecoverableDraft).data !== null;

/** The offers a browser kept, read defensively (anything that is no offer is left out). */
export function storedOffers(raw: unknown): RecoverableDraft[] {
  return (Array.isArray(raw) ? raw : []).filter(isOffer);
}

/**
 * The offers waiting when an editor opens: those kept from before (whatever the browser held,
 * read defensively), less any equal to the saved version, then the newest unsaved copy unless one
 * like it already waits; the newest MAX_OFFERS of them.
 */
export function offerLine(
  saved: ReleaseForm,
  waiting: unknown,
  newest: RecoverableDraft | null,
): RecoverableDraft[] {
  const savedJson = JSON.stringify(saved);
  const line = storedOffers(waiting).filter((o) => JSON.stringify(o.data) !== savedJson);
  if (newest) {
    const same = line.findIndex((o) => JSON.stringify(o.data) === JSON.stringify(newest.data));
    // The same work kept by an older editor without its version takes the version of this copy.
    if (same === -1) line.push(newest);
    else if (line[same].baseVersion === undefined)
      line[same] = { ...line[same], baseVersion: newest.baseVersion };
  }
  return line.slice(-MAX_OFFERS);
}

/** Keeps the line in the browser's storage; a storage that refuses (full, private mode) keeps it in memory only. */
export function storeOfferLine(
  storage: Pick<Storage, "setItem" | "removeItem">,
  key: string,
  line: RecoverableDraft[],
): void {
  try {
    if (line.length) storage.setItem(key, JSON.stringify(line.slice(-MAX_OFFERS)));
    else storage.removeItem(key);
  } catch {
    // The offers stay on screen for this visit; the editor itself is not broken by a full storage.
  }
}
