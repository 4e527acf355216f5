import type { Metadata } from "next";
import Link from "next/link";
import { KeyFigurePanel } from "@/components/figures/KeyFigurePanel";
import { editionLine } from "@/lib/editions/edition-line";
import { getPublicEditions } from "@/lib/editions/queries";
import { fill, getMessages } from "@/lib/i18n/messages";
import { pageAlternates } from "@/lib/seo/alternates";

export const revalidate = 3600;
export const metadata: Metadata = {
  title: "历届大会",
  description: "每届大会的成果数据与历届对比。",
  alternates: pageAlternates("/editions"),
};

export default async function EditionsPage() {
  const messages = getMessages();
  const t = messages.editions;
  const { editions, eventCount } = await getPublicEditions();
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t.title}</h1>
        <p>{t.intro}</p>
      </header>
      {editions.length === 0 ? (
        <p className="empty">{t.none}</p>
      ) : (
        <ul className="edition-list">
          {editions.map((e) => (
            <li key={`${e.event.slug}-${e.year}`} className="edition-card">
              <h2 className="edition-card__title">
                <Link href={`/editions/${e.year}`}>
                  {eventCount > 1 ? fill(t.yearTitle, { year: e.year, event: e.event.name }) : `${e.year}年`}
                </Link>
              </h2>
              <p className="edition-card__meta">
                {editionLine(e, messages)} · {fill(messages.list.count, { total: e.releaseCount })}
              </p>
              {e.headlineRelease && (
                <>
                  <KeyFigurePanel
                    title={t.headline}
                    figures={e.headline.slice(0, 8)}
                    recordLabel={messages.release.recordBadge}
                    headingLevel="h3"
                  />
                  <p className="more-link">
                    <Link href={`/releases/${e.headlineRelease.slug}`}>{e.headlineRelease.title} →</Link>
                  </p>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
