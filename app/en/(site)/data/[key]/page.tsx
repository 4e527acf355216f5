import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { SeriesTable } from "@/components/editions/SeriesTable";
import { getFigureSeries } from "@/lib/editions/queries";
import { toEnglishFigure } from "@/lib/figures/english-figure";
import { figureKeySchema } from "@/lib/figures/registry-schema";
import { fill, getMessages } from "@/lib/i18n/messages";
import { getKeyLabelsEn } from "@/lib/releases/english-queries";
import { pageAlternates } from "@/lib/seo/alternates";

export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ key: string }> };

/** The same public series as /data/[key], in English wording (values from the stored base values). */
const load = cache(async (key: string) => {
  if (!figureKeySchema.safeParse(key).success) notFound();
  const [series, keyLabels] = await Promise.all([getFigureSeries(key), getKeyLabelsEn()]);
  if (!series) notFound();
  return {
    ...series,
    label: series.labelEn?.trim() || series.label,
    series: series.series.map((p) => ({ ...p, figure: toEnglishFigure(p.figure, keyLabels) })),
  };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const series = await load((await params).key);
  const t = getMessages("en").editions;
  return {
    title: fill(t.seriesTitle, { label: series.label }),
    description: series.series.map((p) => `${p.edition.year}: ${p.figure.display}`).join("; "),
    alternates: pageAlternates(`/en/data/${series.key}`),
  };
}

export default async function EnglishFigureSeriesPage({ params }: Props) {
  const series = await load((await params).key);
  const messages = getMessages("en");
  const t = messages.editions;
  return (
    <div className="page release-page">
      <article className="release">
        <p className="release__kicker">
          <Link href="/en/editions">← {t.title}</Link>
        </p>
        <h1 className="release__title">{fill(t.seriesTitle, { label: series.label })}</h1>
        <p className="muted">
          <code>{series.key}</code> · {series.higherIsBetter ? t.higherIsBetter : t.lowerIsBetter}
        </p>
        <SeriesTable
          caption={fill(t.seriesTitle, { label: series.label })}
          points={series.series}
          showEvent={series.eventCount > 1}
          messages={messages}
          yearHref={(year) => `/en/editions#edition-${year}`}
        />
        <section className="data-links" aria-label={t.json}>
          <a href={`/api/figures/${series.key}`}>{t.json}</a>
        </section>
      </article>
    </div>
  );
}
