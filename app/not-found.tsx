import Link from "next/link";
import { getMessages } from "@/lib/i18n/messages";

export default function NotFound() {
  const t = getMessages().errors;
  return (
    <main id="main" className="error-page">
      <p className="error-page__code" aria-hidden="true">404</p>
      <h1>{t.notFoundTitle}</h1>
      <p>{t.notFoundText}</p>
      <p className="error-page__actions">
        <Link className="button" href="/">{t.backHome}</Link>
        <Link href="/releases">{getMessages().site.releases}</Link>
      </p>
    </main>
  );
}
