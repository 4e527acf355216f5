"use client";

import { useEffect, useState } from "react";
import { pickDraftToRecover, type DraftCopy, type RecoverableDraft } from "@/lib/releases/draft-recovery";
import type { ReleaseForm } from "@/lib/releases/editor-form";
import { clearDraftCopies, readDraftCopy } from "../draft-copies";

/**
 * Unsaved work found on the server or in this browser is offered back, never applied silently.
 * Opening an editor also removes other people's browser copies (a shared browser after a sign-out).
 *
 * Offers wait in line until each is restored or ignored, kept apart in this browser: editing on
 * meanwhile (whose autosaves replace the copies an offer came from) and reloading lose none, and a
 * newer copy found at a reload joins the line behind them. Restoring swaps: whatever unsaved work
 * the form held is offered back in its place.
 */
/** At most this many offers wait: the newest ones (a line that grew without end would fill the browser's storage). */
const MAX_OFFERS = 5;

/** Keeps the line in this browser; a storage that refuses (full, private mode) keeps it in memory only. */
function storeLine(key: string, line: RecoverableDraft[]) {
  try {
    if (line.length) localStorage.setItem(key, JSON.stringify(line.slice(-MAX_OFFERS)));
    else localStorage.removeItem(key);
  } catch {
    // The offers stay on screen for this visit; the editor itself is not broken by a full storage.
  }
}

export function useDraftRecovery({
  userId,
  copyKey,
  saved,
  serverCopy,
}: {
  userId: string;
  copyKey: string;
  saved: ReleaseForm;
  serverCopy: DraftCopy | null;
}) {
  const [offers, setOffers] = useState<RecoverableDraft[]>([]);
  const offeredKey = `${copyKey}:offered`;
  const keep = (line: RecoverableDraft[]) => {
    storeLine(offeredKey, line);
    setOffers(line);
  };

  useEffect(() => {
    clearDraftCopies(localStorage, userId);
    const savedJson = JSON.stringify(saved);
    const waiting = readDraftCopy<RecoverableDraft[]>(localStorage, offeredKey);
    const line = (Array.isArray(waiting) ? waiting : [])
      .filter((o) => JSON.stringify(o.data) !== savedJson)
      .slice(-MAX_OFFERS);
    const newest = pickDraftToRecover(saved, readDraftCopy<DraftCopy>(localStorage, copyKey), serverCopy);
    if (newest && !line.some((o) => JSON.stringify(o.data) === JSON.stringify(newest.data)))
      line.push(newest);
    storeLine(offeredKey, line);
    // Read after mount (localStorage does not exist on the server), shown on the next tick.
    const shown = line.length ? setTimeout(() => setOffers(line), 0) : undefined;
    return () => clearTimeout(shown);
  }, [copyKey, offeredKey, userId, serverCopy, saved]);

  return {
    /** The offer shown now, and how many wait behind it. */
    recovery: offers[0] ?? null,
    waiting: Math.max(0, offers.length - 1),
    /**
     * The offer was taken: returns it for the caller to apply. What the form held (`current`), if it
     * differs from the saved version (`base`, version `version`), joins the line in its place.
     */
    accept: (current: ReleaseForm, base: ReleaseForm, version: number): RecoverableDraft | null => {
      const [taken, ...rest] = offers;
      if (!taken) return null;
      const unsaved = JSON.stringify(current) !== JSON.stringify(base);
      const replaced: RecoverableDraft = {
        data: current,
        savedAt: new Date().toISOString(),
        source: "恢复前的内容",
        baseVersion: version,
      };
      keep(unsaved ? [...rest, replaced] : rest);
      return taken;
    },
    /** The offer was refused: it goes, and once none waits, the browser copy too, so it is not offered again. */
    ignore: () => {
      const rest = offers.slice(1);
      if (!rest.length) localStorage.removeItem(copyKey);
      keep(rest);
    },
  };
}
