import Link from "next/link";
import { KeyFigurePanel } from "@/components/figures/KeyFigurePanel";
import { editionLine } from "@/lib/editions/edition-line";
import type { EditionSummary } from "@/lib/editions/queries";
import { fill, getMessages } from "@/lib/i18n/messages";
import { localePath, releasePath, type SiteLocale } from "@/lib/i18n/paths";

/** The editions list of either edition: each edition with its headline figures. */
export function EditionsView({
  locale,
  editions,
  eventCount,
}: {
  locale: SiteLocale;
  editions: EditionSummary[];
  eventCount: number;
}) {
  const messages = getMessages(locale);
  const t = messages.editions;
  // Chinese cards count the edition's releases and link its results release; English ones (whose
  // headline release is Chinese) link each headline figure's data page instead.
  const chinese = locale === "zh-CN";
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
          {editions.map((e) => {
            const headline = e.headline.slice(0, 8);
            return (
              <li key={`${e.event.slug}-${e.year}`} className="edition-card" id={`edition-${e.year}`}>
                <h2 className="edition-card__title">
                  <Link href={localePath(locale, `/editions/${e.year}`)}>
                    {eventCount > 1
                      ? fill(t.yearTitle, { year: e.year, event: e.event.name })
                      : fill(t.yearOnly, { year: e.year })}
                  </Link>
                </h2>
                <p className="edition-card__meta">
                  {editionLine(e, messages)}
                  {chinese && ` · ${fill(messages.list.count, { total: e.releaseCount })}`}
                </p>
                {headline.length > 0 && (
                  <KeyFigurePanel
                    title={t.headline}
                    figures={headline}
                    recordLabel={messages.release.recordBadge}
                    headingLevel="h3"
                  />
                )}
                {e.headlineRelease ? (
                  <p className="more-link">
                    <Link href={releasePath(locale, e.headlineRelease.slug)}>
                      {e.headlineRelease.title} →
                    </Link>
                  </p>
                ) : (
                  !chinese &&
                  headline.length > 0 && (
                    <p className="more-link">
                      {headline.map((f, i) => (
                        <span key={f.key}>
                          {i > 0 && " · "}
                          <Link href={localePath(locale, `/data/${f.key}`)}>{f.label}</Link>
                        </span>
                      ))}
                    </p>
                  )
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
