import Link from "next/link";
import { fill, type Messages } from "@/lib/i18n/messages";

/** Where a release's figures can be had as a table and as data. */
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
  return (
    <section className="data-links" aria-label={t.allFigures}>
      {showTable && (
        <Link className="button" href={`/releases/${slug}/data`}>
          {t.allFigures}（{fill(t.figureCount, { count })}）→
        </Link>
      )}
      <a href={`/releases/${slug}/figures.csv`} download>
        {t.csv}
      </a>
      <a href={`/api/releases/${slug}`}>{t.json}</a>
    </section>
  );
}
