"use client";

import Link from "next/link";
import { getMessages } from "@/lib/i18n/messages";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = getMessages().errors;
  return (
    <main id="main" className="error-page">
      <p className="error-page__code" aria-hidden="true">500</p>
      <h1>{t.errorTitle}</h1>
      <p>{t.errorText}</p>
      <p className="error-page__actions">
        <button type="button" className="button" onClick={reset}>{t.retry}</button>
        <Link href="/">{t.backHome}</Link>
      </p>
    </main>
  );
}
