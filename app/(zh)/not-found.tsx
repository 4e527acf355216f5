import Link from "next/link";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { getMessages } from "@/lib/i18n/messages";

export default function NotFound() {
  const messages = getMessages();
  const t = messages.errors;
  return (
    <ErrorPanel code={404} title={t.notFoundTitle} text={t.notFoundText}>
      <Link className="button" href="/">
        {t.backHome}
      </Link>
      <Link href="/releases">{messages.site.releases}</Link>
    </ErrorPanel>
  );
}
