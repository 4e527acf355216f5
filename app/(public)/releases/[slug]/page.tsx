import type { Metadata } from "next";
import Link from "next/link";
import { BreakdownCharts } from "@/components/figures/BreakdownCharts";
import { KeyFigurePanel } from "@/components/figures/KeyFigurePanel";
import { RecordList } from "@/components/figures/RecordList";
import { DataLinks } from "@/components/figures/DataLinks";
import { ChangeNotes } from "@/components/release/ChangeNotes";
import { FontSizeSwitch } from "@/components/release/FontSizeSwitch";
import { ReleaseBody } from "@/components/release/ReleaseBody";
import { ReleaseCard } from "@/components/release/ReleaseCard";
import { ReleaseMeta } from "@/components/release/ReleaseMeta";
import { ShareBar } from "@/components/release/ShareBar";
import { getConfig } from "@/lib/config";
import { getMessages } from "@/lib/i18n/messages";
import { getRelatedReleases } from "@/lib/releases/queries";
import { loadRelease } from "./load-release";
import { jsonLdScript, releaseJsonLd, releaseMetadata } from "@/lib/seo/release-metadata";

export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return releaseMetadata(await loadRelease((await params).slug), getConfig().siteUrl);
}

export default async function ReleasePage({ params }: Props) {
  const release = await loadRelease((await params).slug);
  const related = await getRelatedReleases(release.id);
  const messages = getMessages(release.locale);
  const t = messages.release;
  const siteUrl = getConfig().siteUrl;
  const url = `${siteUrl}/releases/${release.slug}`;

  return (
    <div className={related.length ? "page release-page release-page--with-related" : "page release-page"}>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScript(releaseJsonLd(release, siteUrl)) }} />
      <article className="release" id="release-article" data-font-size="medium" lang={release.locale}>
        <header className="release__header">
          {release.edition && (
            <p className="release__kicker">{release.edition.event.name} · {release.edition.year} · {release.edition.city}{release.edition.theme && ` · “${release.edition.theme}”`}</p>
          )}
          <h1 className="release__title">{release.title}</h1>
          <ReleaseMeta release={release} messages={messages} />
          <div className="release__tools">
            <FontSizeSwitch messages={messages} targetId="release-article" />
            <ShareBar url={url} title={release.title} messages={messages} />
          </div>
        </header>

        <ChangeNotes notes={release.changeNotes} messages={messages} />
        <KeyFigurePanel title={t.keyFigures} figures={release.keyFigures} recordLabel={t.recordBadge} />
        {release.leadImage?.url && (
          <figure className="lead-image">
            {/* eslint-disable-next-line @next/next/no-img-element -- media is served by our own route with its real size */}
            <img src={release.leadImage.url} alt={release.leadImage.alt} width={release.leadImage.width ?? undefined} height={release.leadImage.height ?? undefined} />
            {(release.leadImage.caption || release.leadImage.credit) && (
              <figcaption>{release.leadImage.caption}<span className="credit">{release.leadImage.credit}</span></figcaption>
            )}
          </figure>
        )}
        <ReleaseBody html={release.body} figures={release.figures} photoMissing={t.photoMissing} />

        {release.figures.length > 0 && (
          <>
            <RecordList figures={release.figures} title={t.records} />
            <BreakdownCharts figures={release.figures} title={t.charts} />
            <DataLinks slug={release.slug} count={release.figures.length} messages={messages} />
          </>
        )}

        {release.tags.length > 0 && (
          <p className="release__tags"><span>{t.tags}：</span>{release.tags.map((tag) => <span key={tag.slug} className="tag">{tag.name}</span>)}</p>
        )}
        <p className="print-url">{url}</p>
      </article>

      {related.length > 0 && (
        <aside className="related" aria-labelledby="related-title">
          <h2 id="related-title" className="section-title">{t.related}</h2>
          <div className="release-list release-list--compact">
            {related.map((r) => <ReleaseCard key={r.id} release={r} messages={messages} />)}
          </div>
          <p className="more-link"><Link href="/releases">{messages.home.more} →</Link></p>
        </aside>
      )}
    </div>
  );
}
