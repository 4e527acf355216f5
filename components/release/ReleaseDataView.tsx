import Link from "next/link";
import { DataLinks } from "@/components/figures/DataLinks";
import { FigureTable } from "@/components/figures/FigureTable";
import { fill, getMessages } from "@/lib/i18n/messages";
import { releasePath } from "@/lib/i18n/paths";
import type { PublicRelease } from "@/lib/releases/public-dto";

/** All figures of a release as a table, in the release's edition (/releases/[slug]/data, /en/…). */
export function ReleaseDataView({ release }: { release: PublicRelease }) {
  const messages = getMessages(release.locale);
  const t = messages.release;
  return (
    <div className="page release-page">
      <article className="release">
        <p className="release__kicker">
          <Link href={releasePath(release.locale, release.slug)}>← {release.title}</Link>
        </p>
        <h1 className="release__title">{t.allFigures}</h1>
        <p>
          {fill(t.figureCount, { count: release.figures.length })} ·{" "}
          {fill(t.recordCount, { count: release.recordCount })}
        </p>
        <DataLinks slug={release.slug} count={release.figures.length} messages={messages} showTable={false} />
        <FigureTable figures={release.figures} messages={messages} />
      </article>
    </div>
  );
}
