import type { Metadata } from "next";
import Link from "next/link";
import { KeyFigurePanel } from "@/components/figures/KeyFigurePanel";
import { getPublicEditions } from "@/lib/editions/queries";
import { toEnglishFigure } from "@/lib/figures/english-figure";
import { fill, getMessages } from "@/lib/i18n/messages";
import { getKeyLabelsEn } from "@/lib/releases/english-queries";
import { pageAlternates } from "@/lib/seo/alternates";

export const revalidate = 3600;
export const metadata: Metadata = {
  title: "Editions",
  description: "The results of every edition of the convention.",
  alternates: pageAlternates("/en/editions"),
};

export default async function EnglishEditionsPage() {
  const messages = getMessages("en");
  const t = messages.editions;
  const [{ editions }, keyLabels] = await Promise.all([getPublicEditions(), getKeyLabelsEn()]);
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
            <li key={`${e.event.slug}-${e.year}`} className="edition-card" id={`edition-${e.year}`}>
              <h2 className="edition-card__title">{e.year}</h2>
              <p className="edition-card__meta">
                {[
                  e.ordinal ? fill(t.ordinal, { ordinal: e.ordinal }) : null,
                  fill(t.dates, { start: e.startDate, end: e.endDate }),
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
              {e.headline.length > 0 && (
                <KeyFigurePanel
                  title={t.headline}
                  figures={e.headline.slice(0, 8).map((f) => toEnglishFigure(f, keyLabels))}
                  recordLabel={messages.release.recordBadge}
                  headingLevel="h3"
                />
              )}
              {e.headline.slice(0, 8).length > 0 && (
                <p className="more-link">
                  {e.headline.slice(0, 8).map((f, i) => (
                    <span key={f.key}>
                      {i > 0 && " · "}
                      <Link href={`/en/data/${f.key}`}>{toEnglishFigure(f, keyLabels).label}</Link>
                    </span>
                  ))}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
