import type { Metadata } from "next";
import Link from "next/link";
import { KeyFigurePanel } from "@/components/figures/KeyFigurePanel";
import { ReleaseCard } from "@/components/release/ReleaseCard";
import { formatDateTime, toBeijingIso } from "@/lib/i18n/format-date";
import { getMessages } from "@/lib/i18n/messages";
import { releasePath } from "@/lib/i18n/paths";
import { getEnglishHome } from "@/lib/releases/english-queries";
import { pageAlternates } from "@/lib/seo/alternates";

export const revalidate = 3600;
export const metadata: Metadata = { alternates: pageAlternates("/en") };

export default async function EnglishHomePage() {
  const messages = getMessages("en");
  const { lead, latest } = await getEnglishHome();
  return (
    <div className="page home">
      <h1 className="visually-hidden">{messages.site.name}</h1>
      {lead ? (
        <article className="lead" aria-labelledby="lead-title">
          <p className="lead__kicker">{messages.home.lead}</p>
          <h2 id="lead-title" className="lead__title">
            <Link href={releasePath("en", lead.slug)}>{lead.title}</Link>
          </h2>
          <p className="lead__meta">
            <time dateTime={toBeijingIso(lead.publishAt)}>{formatDateTime(lead.publishAt)}</time>
            {lead.sourceName && (
              <span>
                {messages.release.source}: {lead.sourceName}
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
            <Link className="button" href={releasePath("en", lead.slug)}>
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
        <Link href="/en/releases">{messages.home.more} →</Link>
      </p>
    </div>
  );
}
