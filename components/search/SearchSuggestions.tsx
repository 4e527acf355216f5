import Link from "next/link";
import { ReleaseCard } from "@/components/release/ReleaseCard";
import type { Messages } from "@/lib/i18n/messages";
import { localePath } from "@/lib/i18n/paths";
import type { PublicReleaseSummary } from "@/lib/releases/public-dto";

/** What to read instead, on an empty or refused search: the newest releases and the categories. */
export function SearchSuggestions({
  messages,
  recent,
  categories,
}: {
  messages: Messages;
  recent: PublicReleaseSummary[];
  categories: Array<{ slug: string; name: string }>;
}) {
  return (
    <div className="search-suggestions">
      {categories.length > 0 && (
        <section aria-labelledby="search-browse">
          <h2 id="search-browse" className="section-title">
            {messages.search.browse}
          </h2>
          <ul className="search-suggestions__categories">
            {categories.map((c) => (
              <li key={c.slug}>
                <Link href={localePath(messages.lang.code, `/categories/${c.slug}`)}>{c.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {recent.length > 0 && (
        <section aria-labelledby="search-recent">
          <h2 id="search-recent" className="section-title">
            {messages.search.recent}
          </h2>
          <div className="release-list">
            {recent.map((r) => (
              <ReleaseCard key={r.slug} release={r} messages={messages} />
            ))}
          </div>
        </section>
      )}
    </div>
  );
}
