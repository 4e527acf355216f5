"use client";

import { getMessages } from "@/lib/i18n/messages";

// Replaces the root layout when it fails, so it brings its own <html> and minimal styles.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = getMessages().errors;
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "4rem 1.5rem", textAlign: "center" }}>
        <h1>{t.errorTitle}</h1>
        <p>{t.errorText}</p>
        <button type="button" onClick={reset}>
          {t.retry}
        </button>
      </body>
    </html>
  );
}
