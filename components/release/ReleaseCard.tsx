import Link from "next/link";
import { formatDate, toBeijingIso } from "@/lib/i18n/format-date";
import { fill, type Messages } from "@/lib/i18n/messages";
import { localePath, releasePath } from "@/lib/i18n/paths";
import type { PublicReleaseSummary } from "@/lib/releases/public-dto";
import { FigureValue } from "../figures/FigureValue";

export function ReleaseCard({
  release,
  messages,
  headingLevel = "h3",
}: {
  release: PublicReleaseSummary;
  messages: Messages;
  headingLevel?: "h2" | "h3";
}) {
  const Heading = headingLevel;
  return (
    <article className="release-card">
      <div className="release-card__meta">
        <time dateTime={toBeijingIso(release.publishAt)}>{formatDate(release.publishAt)}</time>
        {release.category && (
          <Link href={localePath(release.locale, `/categories/${release.category.slug}`)}>
            {release.category.name}
          </Link>
        )}
        {release.recordCount > 0 && (
          <span className="release-card__records">
            {fill(messages.release.recordCount, { count: release.recordCount })}
          </span>
        )}
      </div>
      <Heading className="release-card__title">
        <Link href={releasePath(release.locale, release.slug)}>{release.title}</Link>
      </Heading>
      {release.summary && <p className="release-card__summary">{release.summary}</p>}
      {release.keyFigures.length > 0 && (
        <ul className="release-card__figures" aria-label={messages.release.keyFigures}>
          {release.keyFigures.slice(0, 4).map((f) => (
            <li key={f.key}>
              <FigureValue figure={f} /> <span>{f.label}</span>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
