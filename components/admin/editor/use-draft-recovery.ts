"use client";

import { useEffect, useState } from "react";
import { pickDraftToRecover, type DraftCopy, type RecoverableDraft } from "@/lib/releases/draft-recovery";
import type { ReleaseForm } from "@/lib/releases/editor-form";
import { clearDraftCopies, readDraftCopy } from "../draft-copies";

/**
 * Unsaved work found on the server or in this browser is offered back, never applied silently.
 * Opening an editor also removes other people's browser copies (a shared browser after a sign-out).
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
  const [recovery, setRecovery] = useState<RecoverableDraft | null>(null);

  useEffect(() => {
    clearDraftCopies(localStorage, userId);
    const best = pickDraftToRecover(saved, readDraftCopy<DraftCopy>(localStorage, copyKey), serverCopy);
    // Read after mount (localStorage does not exist on the server), shown on the next tick.
    const shown = best ? setTimeout(() => setRecovery(best), 0) : undefined;
    return () => clearTimeout(shown);
  }, [copyKey, userId, serverCopy, saved]);

  return {
    recovery,
    /** The offer was taken: the caller applies recovery.data as an edit. */
    accept: () => setRecovery(null),
    /** The offer was refused: the browser copy goes too, so it is not offered again. */
    ignore: () => {
      localStorage.removeItem(copyKey);
      setRecovery(null);
    },
  };
}
