import type { Metadata } from "next";
import Link from "next/link";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { getMessages } from "@/lib/i18n/messages";

// The English 404, in the English root layout (<html lang="en">): proxy.ts sends every English
// address that names no page here, with status 404 (an unmatched URL would otherwise get Next's one
// global 404, the Chinese one). Rendered per request, never kept: each made-up address would
// otherwise be a file of Next's cache.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

export default function MissingEnglishPage() {
  const messages = getMessages("en");
  const t = messages.errors;
  return (
    <ErrorPanel code={404} title={t.notFoundTitle} text={t.notFoundText}>
      <Link className="button" href="/en">
        {t.backHome}
      </Link>
      <Link href="/en/releases">{messages.site.releases}</Link>
    </ErrorPanel>
  );
}
