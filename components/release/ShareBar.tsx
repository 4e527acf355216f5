"use client";

import { useState, useSyncExternalStore } from "react";
import type { Messages } from "@/lib/i18n/messages";

const noSubscription = () => () => {};

export function ShareBar({ url, title, messages }: { url: string; title: string; messages: Messages }) {
  const t = messages.release;
  const [copied, setCopied] = useState(false);
  // navigator.share exists only in some browsers; false on the server so the HTML matches.
  const canShare = useSyncExternalStore(
    noSubscription,
    () => "share" in navigator,
    () => false,
  );

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      const input = document.createElement("textarea");
      input.value = url;
      document.body.append(input);
      input.select();
      document.execCommand("copy");
      input.remove();
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 2500);
  }

  return (
    <div className="share-bar" role="group" aria-label={t.share}>
      <button type="button" onClick={copy}>
        {copied ? t.copied : t.copyLink}
      </button>
      {canShare && (
        <button type="button" onClick={() => navigator.share({ title, url }).catch(() => {})}>
          {t.shareNative}
        </button>
      )}
      <a
        href={`https://service.weibo.com/share/share.php?url=${encodeURIComponent(url)}&title=${encodeURIComponent(title)}`}
        target="_blank"
        rel="noopener noreferrer"
      >
        {t.weibo}
      </a>
      <a href={`mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(url)}`}>{t.email}</a>
      <button type="button" onClick={() => window.print()}>
        {t.print}
      </button>
      <span className="visually-hidden" aria-live="polite">
        {copied ? t.copied : ""}
      </span>
    </div>
  );
}
