import Link from "next/link";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { getMessages } from "@/lib/i18n/messages";

export default function EnglishNotFound() {
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
