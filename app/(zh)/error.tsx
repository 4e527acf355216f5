"use client";

import Link from "next/link";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { getMessages } from "@/lib/i18n/messages";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = getMessages().errors;
  return (
    <ErrorPanel code={500} title={t.errorTitle} text={t.errorText}>
      <button type="button" className="button" onClick={reset}>
        {t.retry}
      </button>
      <Link href="/">{t.backHome}</Link>
    </ErrorPanel>
  );
}
