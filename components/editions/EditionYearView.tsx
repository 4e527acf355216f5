import Link from "next/link";
import { FigureTable } from "@/components/figures/FigureTable";
import { KeyFigurePanel } from "@/components/figures/KeyFigurePanel";
import { ReleaseCard } from "@/components/release/ReleaseCard";
import { editionLine } from "@/lib/editions/edition-line";
import type { EditionDetail } from "@/lib/editions/queries";
import { fill, getMessages } from "@/lib/i18n/messages";
import { localePath, releasePath, type SiteLocale } from "@/lib/i18n/paths";

/** The page of one year in either edition: each of its editions with headline, releases and figures. */
export function EditionYearView({
  locale,
  editions,
  eventCount,
}: {
  locale: SiteLocale;
  editions: EditionDetail[];
  eventCount: number;
}) {
  const messages = getMessages(locale);
  const t = messages.editions;
  return (
    <div className="page release-page">
      <p className="release__kicker">
        <Link href={localePath(locale, "/editions")}>← {t.title}</Link>
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
            {e.releases.length > 0 ? (
              <div className="release-list release-list--compact">
                {e.releases.map((r) => (
                  <ReleaseCard key={r.id} release={r} messages={messages} />
                ))}
              </div>
            ) : (
              <p className="empty">{messages.list.empty}</p>
            )}
            {e.figuresByRelease.length > 0 && (
              <>
                <h2 className="section-title">{t.figures}</h2>
                {e.figuresByRelease.map(({ release, figures }) => (
                  <section key={release.slug} aria-label={release.title}>
                    {e.figuresByRelease.length > 1 && (
                      <h3>
                        <Link href={releasePath(locale, release.slug)}>{release.title}</Link>
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
