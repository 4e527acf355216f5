import Link from "next/link";
import { SeriesChart } from "@/components/editions/SeriesChart";
import { SeriesTable } from "@/components/editions/SeriesTable";
import type { FigureSeries } from "@/lib/editions/queries";
import { fill, getMessages } from "@/lib/i18n/messages";
import { localePath, type SiteLocale } from "@/lib/i18n/paths";

/** One figure across editions in either edition: chart, table and where to get the data. */
export function FigureSeriesView({ locale, series }: { locale: SiteLocale; series: FigureSeries }) {
  const messages = getMessages(locale);
  const t = messages.editions;
  const title = fill(t.seriesTitle, { label: series.label });
  // The base unit is a Chinese word and the CSV a Chinese download: the Chinese page has them,
  // and the chart (the table carries the same data).
  const chinese = locale === "zh-CN";
  return (
    <div className="page release-page">
      <article className="release">
        <p className="release__kicker">
          <Link href={localePath(locale, "/editions")}>← {t.title}</Link>
        </p>
        <h1 className="release__title">{title}</h1>
        <p className="muted">
          <code>{series.key}</code> · {chinese && `${series.baseUnit} · `}
          {series.higherIsBetter ? t.higherIsBetter : t.lowerIsBetter}
        </p>
        {/* The bars' labels are the figures as written: long English wording would overlap. */}
        {chinese && <SeriesChart label={series.label} points={series.series} messages={messages} />}
        <SeriesTable
          caption={title}
          points={series.series}
          showEvent={series.eventCount > 1}
          messages={messages}
        />
        <section className="data-links" aria-label={chinese ? t.csv : t.json}>
          {chinese && (
            <a href={`/data/${series.key}/csv`} download>
              {t.csv}
            </a>
          )}
          <a href={`/api/figures/${series.key}`}>{t.json}</a>
        </section>
      </article>
    </div>
  );
}
