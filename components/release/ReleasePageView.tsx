import Link from "next/link";
import type { SeriesPoint } from "@/lib/editions/public-dto";
import { getMessages } from "@/lib/i18n/messages";
import { localePath } from "@/lib/i18n/paths";
import type { PublicRelease, PublicReleaseSummary } from "@/lib/releases/public-dto";
import { jsonLdScript, releaseJsonLd } from "@/lib/seo/release-metadata";
import { ReleaseArticle } from "./ReleaseArticle";
import { ReleaseCard } from "./ReleaseCard";

/** A release's page in either edition (the release's locale): the article, then related releases. */
export function ReleasePageView({
  release,
  siteUrl,
  comparisons,
  languageLink,
  related,
}: {
  release: PublicRelease;
  siteUrl: string;
  comparisons: Array<{ key: string; points: SeriesPoint[] }>;
  languageLink: React.ReactNode;
  related: PublicReleaseSummary[];
}) {
  const messages = getMessages(release.locale);
  return (
    <div className={related.length ? "page release-page release-page--with-related" : "page release-page"}>
      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{ __html: jsonLdScript(releaseJsonLd(release, siteUrl)) }}
      />
      <ReleaseArticle
        release={release}
        siteUrl={siteUrl}
        comparisons={comparisons}
        languageLink={languageLink}
      />
      {related.length > 0 && (
        <aside className="related" aria-labelledby="related-title">
          <h2 id="related-title" className="section-title">
            {messages.release.related}
          </h2>
          <div className="release-list release-list--compact">
            {related.map((r) => (
              <ReleaseCard key={r.id} release={r} messages={messages} />
            ))}
          </div>
          <p className="more-link">
            <Link href={localePath(release.locale, "/releases")}>{messages.home.more} →</Link>
          </p>
        </aside>
      )}
    </div>
  );
}
