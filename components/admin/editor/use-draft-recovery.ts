"use client";

import { useEffect, useState } from "react";
import {
  offerLine,
  pickDraftToRecover,
  storeOfferLine,
  type DraftCopy,
  type RecoverableDraft,
} from "@/lib/releases/draft-recovery";
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
    storeOfferLine(localStorage, offeredKey, line);
    setOffers(line);
  };

  useEffect(() => {
    clearDraftCopies(localStorage, userId);
    const line = offerLine(
      saved,
      readDraftCopy<unknown>(localStorage, offeredKey),
      pickDraftToRecover(saved, readDraftCopy<DraftCopy>(localStorage, copyKey), serverCopy),
    );
    storeOfferLine(localStorage, offeredKey, line);
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
    /**
     * The offer was refused: it goes, and once none waits, the browser copy too, so it is not
     * offered again. Returns whether none waits now (the caller drops the server's copy then).
     */
    ignore: (): boolean => {
      const rest = offers.slice(1);
      if (!rest.length) localStorage.removeItem(copyKey);
      keep(rest);
      return rest.length === 0;
    },
  };
}
