"use client";

import { useCallback, useEffect, useRef } from "react";
import { browserDraftCopy } from "@/lib/releases/draft-recovery";
import type { ReleaseForm } from "@/lib/releases/editor-form";
import { callApi } from "../api-client";
import { autosaveStatus } from "./save-status";

const AUTOSAVE_DELAY_MS = 1500;

/**
 * Keeps unsaved typing safe: every change goes to this browser's localStorage at once, and to the
 * server's autosave after a pause, when the tab is hidden and before it closes.
 */
export function useAutosave({
  releaseId,
  copyKey,
  form,
  version,
  dirty,
  onStatus,
}: {
  releaseId: string;
  copyKey: string;
  form: ReleaseForm;
  version: number;
  dirty: boolean;
  onStatus: (status: string) => void;
}) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The timer and the page events fire later: they must send the form as it is then.
  const latest = useRef({ form, version, dirty, onStatus });
  useEffect(() => {
    latest.current = { form, version, dirty, onStatus };
  });

  // Every keystroke is in localStorage at once: a closed tab or a dead network loses nothing.
  useEffect(() => {
    if (dirty) localStorage.setItem(copyKey, JSON.stringify(browserDraftCopy(form, version)));
  }, [dirty, form, copyKey, version]);

  // The autosave being sent, if any: a save waits for it, so its answer cannot arrive after the
  // save's and overwrite the status (or leave a server copy older than the saved version).
  const inFlight = useRef<Promise<void> | null>(null);

  const push = useCallback(async () => {
    const { form: data, version: baseVersion } = latest.current;
    const sending = (async () => {
      const result = await callApi<{ savedAt: string }>(`/api/admin/releases/${releaseId}/autosave`, "POST", {
        baseVersion,
        data,
      });
      latest.current.onStatus(autosaveStatus(result.ok ? { savedAt: result.data.savedAt } : result.error));
    })();
    inFlight.current = sending;
    try {
      await sending;
    } finally {
      if (inFlight.current === sending) inFlight.current = null;
    }
  }, [releaseId]);

  const cancel = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  /** Before a save: no autosave is scheduled, and the one being sent has been answered. */
  const settle = useCallback(async () => {
    cancel();
    await inFlight.current?.catch(() => {});
  }, [cancel]);

  /** Call after each change: the server copy is sent once typing pauses. */
  const schedule = useCallback(() => {
    cancel();
    timer.current = setTimeout(push, AUTOSAVE_DELAY_MS);
  }, [cancel, push]);

  useEffect(() => {
    const flush = () => {
      if (latest.current.dirty) void push();
    };
    const warn = (e: BeforeUnloadEvent) => {
      if (!latest.current.dirty) return;
      flush();
      e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    document.addEventListener("visibilitychange", flush);
    return () => {
      window.removeEventListener("beforeunload", warn);
      document.removeEventListener("visibilitychange", flush);
    };
  }, [push]);

  return { schedule, cancel, settle };
}
