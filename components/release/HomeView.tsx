import Link from "next/link";
import { KeyFigurePanel } from "@/components/figures/KeyFigurePanel";
import { ReleaseCard } from "@/components/release/ReleaseCard";
import { formatDateTime, toBeijingIso } from "@/lib/i18n/format-date";
import { getMessages } from "@/lib/i18n/messages";
import { localePath, releasePath, type SiteLocale } from "@/lib/i18n/paths";
import type { PublicRelease, PublicReleaseSummary } from "@/lib/releases/public-dto";

// The Chinese home's lead is a whole release (its edition line); the English one's a summary.
type Home = {
  lead: (PublicReleaseSummary & Partial<Pick<PublicRelease, "edition">>) | null;
  latest: PublicReleaseSummary[];
};

/** The home page of either edition: the lead release with its key figures, then the latest ones. */
export function HomeView({ locale, lead, latest }: { locale: SiteLocale } & Home) {
  const messages = getMessages(locale);
  // Chinese readers get the edition line and a full-width colon; the English edition neither.
  const chinese = locale === "zh-CN";
  return (
    <div className="page home">
      <h1 className="visually-hidden">{messages.site.name}</h1>
      {lead ? (
        <article className="lead" aria-labelledby="lead-title">
          <p className="lead__kicker">
            {messages.home.lead}
            {chinese &&
              lead.edition &&
              ` · ${lead.edition.event.name} ${lead.edition.year} · ${lead.edition.city}`}
          </p>
          <h2 id="lead-title" className="lead__title">
            <Link href={releasePath(locale, lead.slug)}>{lead.title}</Link>
          </h2>
          <p className="lead__meta">
            <time dateTime={toBeijingIso(lead.publishAt)}>{formatDateTime(lead.publishAt)}</time>
            {lead.sourceName && (
              <span>
                {messages.release.source}
                {chinese ? "：" : ": "}
                {lead.sourceName}
              </span>
            )}
          </p>
          {lead.summary && <p className="lead__summary">{lead.summary}</p>}
          <KeyFigurePanel
            title={messages.release.keyFigures}
            figures={lead.keyFigures}
            recordLabel={messages.release.recordBadge}
            headingLevel="h3"
          />
          <p>
            <Link className="button" href={releasePath(locale, lead.slug)}>
              {messages.release.readMore} →
            </Link>
          </p>
        </article>
      ) : (
        !latest.length && <p className="empty">{messages.home.empty}</p>
      )}
      {latest.length > 0 && (
        <section className="latest" aria-labelledby="latest-title">
          <h2 id="latest-title" className="section-title">
            {messages.home.latest}
          </h2>
          <div className="release-list">
            {latest.map((r) => (
              <ReleaseCard key={r.id} release={r} messages={messages} />
            ))}
          </div>
        </section>
      )}
      <p className="more-link">
        <Link href={localePath(locale, "/releases")}>{messages.home.more} →</Link>
      </p>
    </div>
  );
}
