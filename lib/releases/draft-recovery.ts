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
