import Link from "next/link";
import { localePath } from "@/lib/i18n/paths";
import { formatDateTime, toBeijingIso } from "@/lib/i18n/format-date";
import type { Messages } from "@/lib/i18n/messages";
import type { PublicRelease } from "@/lib/releases/public-dto";
import { ViewCounter } from "./ViewCounter";

export function ReleaseMeta({
  release,
  messages,
  countView = true,
}: {
  release: PublicRelease;
  messages: Messages;
  countView?: boolean;
}) {
  const t = messages.release;
  return (
    <dl className="release-meta">
      {release.sourceName && (
        <div>
          <dt>{t.source}</dt>
          <dd>
            {release.sourceUrl ? (
              <a href={release.sourceUrl} rel="noopener noreferrer">
                {release.sourceName}
              </a>
            ) : (
              release.sourceName
            )}
          </dd>
        </div>
      )}
      <div>
        <dt>{t.published}</dt>
        <dd>
          <time dateTime={toBeijingIso(release.publishAt)}>{formatDateTime(release.publishAt)}</time>
        </dd>
      </div>
      <div>
        <dt>{t.updated}</dt>
        <dd>
          <time dateTime={toBeijingIso(release.contentUpdatedAt)}>
            {formatDateTime(release.contentUpdatedAt)}
          </time>
        </dd>
      </div>
      <div>
        <dt>{t.views}</dt>
        <dd>
          {countView ? (
            <ViewCounter slug={release.slug} initial={release.viewCount} />
          ) : (
            release.viewCount.toLocaleString(release.locale)
          )}
        </dd>
      </div>
      {release.category && (
        <div>
          <dt>{t.category}</dt>
          <dd>
            <Link href={localePath(release.locale, `/categories/${release.category.slug}`)}>
              {release.category.name}
            </Link>
          </dd>
        </div>
      )}
      {release.byline && (
        <div>
          <dt>{t.byline}</dt>
          <dd>{release.byline}</dd>
        </div>
      )}
    </dl>
  );
}
