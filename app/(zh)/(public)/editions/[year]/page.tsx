import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { FigureTable } from "@/components/figures/FigureTable";
import { KeyFigurePanel } from "@/components/figures/KeyFigurePanel";
import { ReleaseCard } from "@/components/release/ReleaseCard";
import { editionLine } from "@/lib/editions/edition-line";
import { getEditionsOfYear } from "@/lib/editions/queries";
import { fill, getMessages } from "@/lib/i18n/messages";
import { pageAlternates } from "@/lib/seo/alternates";

export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ year: string }> };

const load = cache(async (year: string) => {
  if (!/^(19|2[0-2])\d{2}$/.test(year)) notFound();
  const found = await getEditionsOfYear(Number(year));
  if (!found) notFound();
  return found;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { year } = await params;
  const { editions } = await load(year);
  const t = getMessages().editions;
  return {
    title: fill(t.yearTitle, { year, event: editions[0].event.name }),
    description: editionLine(editions[0], getMessages()),
    alternates: pageAlternates(`/editions/${year}`),
  };
}

export default async function EditionYearPage({ params }: Props) {
  const { year } = await params;
  const { editions, eventCount } = await load(year);
  const messages = getMessages();
  const t = messages.editions;
  return (
    <div className="page release-page">
      <p className="release__kicker">
        <Link href="/editions">← {t.title}</Link>
      </p>
      {editions.map((e, i) => {
        const Heading = i === 0 ? "h1" : "h2";
        const id = `edition-${e.event.slug}`;
        return (
          <section key={e.event.slug} className="release" aria-labelledby={id}>
            <Heading className="release__title" id={id}>
              {fill(t.yearTitle, { year: e.year, event: e.event.name })}
            </Heading>
            <p>{editionLine(e, messages)}</p>
            <KeyFigurePanel
              title={t.headline}
              figures={e.headline}
              recordLabel={messages.release.recordBadge}
              headingLevel="h2"
            />
            <h2 className="section-title">
              {t.releases} <small>{fill(messages.list.count, { total: e.releaseCount })}</small>
            </h2>
            <div className="release-list release-list--compact">
              {e.releases.map((r) => (
                <ReleaseCard key={r.id} release={r} messages={messages} />
              ))}
            </div>
            {e.figuresByRelease.length > 0 && (
              <>
                <h2 className="section-title">{t.figures}</h2>
                {e.figuresByRelease.map(({ release, figures }) => (
                  <section key={release.slug} aria-label={release.title}>
                    {e.figuresByRelease.length > 1 && (
                      <h3>
                        <Link href={`/releases/${release.slug}`}>{release.title}</Link>
                      </h3>
                    )}
                    <FigureTable figures={figures} messages={messages} />
                  </section>
                ))}
              </>
            )}
            {eventCount > 1 && i < editions.length - 1 && <hr />}
          </section>
        );
      })}
    </div>
  );
}
