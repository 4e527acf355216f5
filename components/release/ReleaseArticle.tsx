import { BreakdownCharts } from "@/components/figures/BreakdownCharts";
import { DataLinks } from "@/components/figures/DataLinks";
import { KeyFigurePanel } from "@/components/figures/KeyFigurePanel";
import { RecordList } from "@/components/figures/RecordList";
import { EditionComparison } from "@/components/editions/EditionComparison";
import type { SeriesPoint } from "@/lib/editions/public-dto";
import { getMessages } from "@/lib/i18n/messages";
import { releasePath } from "@/lib/i18n/paths";
import type { PublicRelease } from "@/lib/releases/public-dto";
import { ChangeNotes } from "./ChangeNotes";
import { FontSizeSwitch } from "./FontSizeSwitch";
import { ReleaseBody } from "./ReleaseBody";
import { ReleaseMeta } from "./ReleaseMeta";
import { ShareBar } from "./ShareBar";

/** A release as readers see it; previews render this same component, so they match exactly. */
export function ReleaseArticle({
  release,
  siteUrl,
  preview = false,
  comparisons = [],
  languageLink,
}: {
  release: PublicRelease;
  siteUrl: string;
  preview?: boolean;
  /** The key figures' values in other editions of the event. */
  comparisons?: Array<{ key: string; points: SeriesPoint[] }>;
  /** The link to this release in the other language, and what the translation says of itself. */
  languageLink?: React.ReactNode;
}) {
  const messages = getMessages(release.locale);
  const t = messages.release;
  const url = `${siteUrl}${releasePath(release.locale, release.slug)}`;
  return (
    <article className="release" id="release-article" data-font-size="medium" lang={release.locale}>
      <header className="release__header">
        {release.edition && (
          <p className="release__kicker">
            {release.edition.event.name} · {release.edition.year} · {release.edition.city}
            {release.edition.theme && ` · “${release.edition.theme}”`}
          </p>
        )}
        <h1 className="release__title">{release.title}</h1>
        <ReleaseMeta release={release} messages={messages} countView={!preview} />
        {languageLink}
        <div className="release__tools">
          <FontSizeSwitch messages={messages} targetId="release-article" />
          <ShareBar url={url} title={release.title} messages={messages} />
        </div>
      </header>

      <ChangeNotes notes={release.changeNotes} messages={messages} />
      <KeyFigurePanel
        title={t.keyFigures}
        figures={release.keyFigures}
        recordLabel={t.recordBadge}
        extras={Object.fromEntries(
          comparisons.map((c) => [
            c.key,
            <EditionComparison
              key={c.key}
              figureKey={c.key}
              label={release.keyFigures.find((f) => f.key === c.key)?.label ?? c.key}
              points={c.points}
              messages={messages}
            />,
          ]),
        )}
      />
      {release.leadImage?.url && (
        <figure className="lead-image">
          {/* eslint-disable-next-line @next/next/no-img-element -- media is served by our own route with its real size */}
          <img
            src={release.leadImage.url}
            alt={release.leadImage.alt}
            width={release.leadImage.width ?? undefined}
            height={release.leadImage.height ?? undefined}
          />
          {(release.leadImage.caption || release.leadImage.credit) && (
            <figcaption>
              {release.leadImage.caption}
              <span className="credit">{release.leadImage.credit}</span>
            </figcaption>
          )}
        </figure>
      )}
      <ReleaseBody html={release.body} figures={release.figures} photoMissing={t.photoMissing} />

      {release.figures.length > 0 && (
        <>
          <RecordList figures={release.figures} title={t.records} />
          <BreakdownCharts
            figures={release.figures}
            title={t.charts}
            ofWhole={release.locale === "en" ? t.ofWhole : undefined}
          />
          <DataLinks slug={release.slug} count={release.figures.length} messages={messages} />
        </>
      )}

      {release.tags.length > 0 && (
        <p className="release__tags">
          <span>{t.tags}：</span>
          {release.tags.map((tag) => (
            <span key={tag.slug} className="tag">
              {tag.name}
            </span>
          ))}
        </p>
      )}
      <p className="print-url">{url}</p>
    </article>
  );
}
