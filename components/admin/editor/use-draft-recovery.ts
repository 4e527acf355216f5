"use client";

import { useEffect, useState } from "react";
import {
  offerLine,
  pickDraftToRecover,
  storedOffers,
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
const withoutOffer = (line: RecoverableDraft[], offer: RecoverableDraft) =>
  line.filter((o) => !(o.savedAt === offer.savedAt && o.source === offer.source));

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
  // Another tab of the same editor shares the stored line: each change is made to the line as
  // stored now, not to this tab's copy of it, so one tab never drops what another put there.
  const update = (change: (stored: RecoverableDraft[]) => RecoverableDraft[]) => {
    const stored = storedOffers(readDraftCopy<unknown>(localStorage, offeredKey));
    const line = change(stored);
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
      const taken = offers[0];
      if (!taken) return null;
      const unsaved = JSON.stringify(current) !== JSON.stringify(base);
      const replaced: RecoverableDraft = {
        data: current,
        savedAt: new Date().toISOString(),
        source: "恢复前的内容",
        baseVersion: version,
      };
      update((stored) => {
        const rest = withoutOffer(stored, taken);
        return unsaved ? [...rest, replaced] : rest;
      });
      return taken;
    },
    /**
     * The offer was refused: it goes from the line, and this browser's copy goes too when it holds
     * that very work (never the work being typed now), so it is not offered again.
     */
    ignore: () => {
      const ignored = offers[0];
      if (!ignored) return;
      const copy = readDraftCopy<DraftCopy>(localStorage, copyKey);
      if (copy && JSON.stringify(copy.data) === JSON.stringify(ignored.data))
        localStorage.removeItem(copyKey);
      update((stored) => withoutOffer(stored, ignored));
    },
  };
}
