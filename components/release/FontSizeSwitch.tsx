"use client";

import { useEffect, useSyncExternalStore } from "react";
import type { Messages } from "@/lib/i18n/messages";

const SIZES = ["large", "medium", "small"] as const;
type Size = (typeof SIZES)[number];
const STORAGE_KEY = "pressroom:font-size";
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function savedSize(): Size {
  const saved = localStorage.getItem(STORAGE_KEY);
  return SIZES.find((s) => s === saved) ?? "medium";
}

function saveSize(size: Size) {
  localStorage.setItem(STORAGE_KEY, size);
  listeners.forEach((l) => l());
}

/** 大/中/小: sets the article's text size and remembers it on this device. */
export function FontSizeSwitch({ messages, targetId }: { messages: Messages; targetId: string }) {
  const size = useSyncExternalStore(subscribe, savedSize, () => "medium" as const);
  useEffect(() => {
    document.getElementById(targetId)?.setAttribute("data-font-size", size);
  }, [size, targetId]);
  const labels: Record<Size, string> = {
    large: messages.release.fontLarge,
    medium: messages.release.fontMedium,
    small: messages.release.fontSmall,
  };
  return (
    <div className="font-switch" role="group" aria-label={messages.release.fontSize}>
      <span className="font-switch__label" aria-hidden="true">
        {messages.release.fontSize}
      </span>
      {SIZES.map((s) => (
        <button key={s} type="button" aria-pressed={size === s} onClick={() => saveSize(s)}>
          {labels[s]}
        </button>
      ))}
    </div>
  );
}
