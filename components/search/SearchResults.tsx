import Link from "next/link";
import { formatDate, toBeijingIso } from "@/lib/i18n/format-date";
import { fill, type Messages } from "@/lib/i18n/messages";
import { localePath, releasePath } from "@/lib/i18n/paths";
import type { MatchTier, SearchHit } from "@/lib/search/search-releases";
import type { SnippetPart } from "@/lib/search/snippet";

/** Parts are plain text: React escapes them, and only hits get a <mark>. */
export function Snippet({ parts }: { parts: SnippetPart[] }) {
  return (
    <p className="search-hit__snippet">
      {parts.map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : part.text))}
    </p>
  );
}

function tierLabel(tier: MatchTier, messages: Messages) {
  const t = messages.search;
  return [t.matchTitle, t.matchSummary, t.matchFigures, t.matchBody][tier - 1];
}

export function SearchResults({
  hits,
  messages,
  start,
  categories,
}: {
  hits: SearchHit[];
  messages: Messages;
  start: number;
  /** The categories as this edition names them (a hit carries the Chinese name). */
  categories: Array<{ slug: string; name: string }>;
}) {
  const categoryName = (c: { slug: string; name: string }) =>
    categories.find((named) => named.slug === c.slug)?.name ?? c.name;
  return (
    <ol className="search-results" start={start + 1}>
      {hits.map((hit) => (
        <li key={hit.id} className="search-hit" lang={hit.locale === "zh-CN" ? undefined : hit.locale}>
          <h2 className="search-hit__title">
            <Link href={releasePath(hit.locale, hit.slug)}>{hit.title}</Link>
          </h2>
          <div className="search-hit__meta">
            {hit.publishAt && <time dateTime={toBeijingIso(hit.publishAt)}>{formatDate(hit.publishAt)}</time>}
            {hit.category && (
              <Link href={localePath(hit.locale, `/categories/${hit.category.slug}`)}>
                {categoryName(hit.category)}
              </Link>
            )}
            <span>{fill(messages.search.matchIn, { where: tierLabel(hit.tier, messages) })}</span>
          </div>
          <Snippet parts={hit.snippet} />
        </li>
      ))}
    </ol>
  );
}
