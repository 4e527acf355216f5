import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { SeriesChart } from "@/components/editions/SeriesChart";
import { SeriesTable } from "@/components/editions/SeriesTable";
import { getFigureSeries } from "@/lib/editions/queries";
import { figureKeySchema } from "@/lib/figures/registry-schema";
import { fill, getMessages } from "@/lib/i18n/messages";
import { pageAlternates } from "@/lib/seo/alternates";

export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ key: string }> };

const load = cache(async (key: string) => {
  if (!figureKeySchema.safeParse(key).success) notFound();
  const series = await getFigureSeries(key);
  if (!series) notFound();
  return series;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const series = await load((await params).key);
  const t = getMessages().editions;
  return {
    title: fill(t.seriesTitle, { label: series.label }),
    description: series.series.map((p) => `${p.edition.year}年 ${p.figure.display}`).join("；"),
    alternates: pageAlternates(`/data/${series.key}`),
  };
}

export default async function FigureSeriesPage({ params }: Props) {
  const series = await load((await params).key);
  const messages = getMessages();
  const t = messages.editions;
  return (
    <div className="page release-page">
      <article className="release">
        <p className="release__kicker">
          <Link href="/editions">← {t.title}</Link>
        </p>
        <h1 className="release__title">{fill(t.seriesTitle, { label: series.label })}</h1>
        <p className="muted">
          <code>{series.key}</code> · {series.baseUnit} ·{" "}
          {series.higherIsBetter ? t.higherIsBetter : t.lowerIsBetter}
        </p>
        <SeriesChart label={series.label} points={series.series} messages={messages} />
        <SeriesTable
          caption={fill(t.seriesTitle, { label: series.label })}
          points={series.series}
          showEvent={series.eventCount > 1}
          messages={messages}
        />
        <section className="data-links" aria-label={t.csv}>
          <a href={`/data/${series.key}/csv`} download>
            {t.csv}
          </a>
          <a href={`/api/figures/${series.key}`}>{t.json}</a>
        </section>
      </article>
    </div>
  );
}
