import Link from "next/link";
import { fill, type Messages } from "@/lib/i18n/messages";
import { releasePath } from "@/lib/i18n/paths";

/** Where a release's figures can be had as a table and as data, in the release's edition. */
export function DataLinks({
  slug,
  count,
  messages,
  showTable = true,
}: {
  slug: string;
  count: number;
  messages: Messages;
  showTable?: boolean;
}) {
  const t = messages.release;
  const locale = messages.lang.code;
  const path = releasePath(locale, slug);
  return (
    <section className="data-links" aria-label={t.allFigures}>
      {showTable && (
        <Link className="button" href={`${path}/data`}>
          {t.allFigures}
          {locale === "en"
            ? ` (${fill(t.figureCount, { count })}) →`
            : `（${fill(t.figureCount, { count })}）→`}
        </Link>
      )}
      <a href={`${path}/figures.csv`} download>
        {t.csv}
      </a>
      {/* The JSON API states a translation's own (empty) figure rows: English pages link the CSV only. */}
      {locale !== "en" && <a href={`/api/releases/${slug}`}>{t.json}</a>}
    </section>
  );
}
