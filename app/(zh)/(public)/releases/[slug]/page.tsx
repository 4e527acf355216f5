import type { Metadata } from "next";
import Link from "next/link";
import { ReleaseArticle } from "@/components/release/ReleaseArticle";
import { ReleaseCard } from "@/components/release/ReleaseCard";
import { TranslationLink } from "@/components/release/TranslationLink";
import { getConfig } from "@/lib/config";
import { getPublicTranslations } from "@/lib/releases/english-queries";
import { getMessages } from "@/lib/i18n/messages";
import { getEditionComparisons } from "@/lib/editions/queries";
import { getRelatedReleases } from "@/lib/releases/queries";
import { loadRelease } from "./load-release";
import { jsonLdScript, releaseJsonLd, releaseMetadata } from "@/lib/seo/release-metadata";

export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const release = await loadRelease((await params).slug);
  return releaseMetadata(release, getConfig().siteUrl, await getPublicTranslations(release.id));
}

export default async function ReleasePage({ params }: Props) {
  const release = await loadRelease((await params).slug);
  const [related, comparisons, translations] = await Promise.all([
    getRelatedReleases(release.id),
    getEditionComparisons(release.slug),
    getPublicTranslations(release.id),
  ]);
  const messages = getMessages(release.locale);
  const t = messages.release;
  const siteUrl = getConfig().siteUrl;

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
        languageLink={<TranslationLink messages={messages} translations={translations} />}
      />

      {related.length > 0 && (
        <aside className="related" aria-labelledby="related-title">
          <h2 id="related-title" className="section-title">
            {t.related}
          </h2>
          <div className="release-list release-list--compact">
            {related.map((r) => (
              <ReleaseCard key={r.id} release={r} messages={messages} />
            ))}
          </div>
          <p className="more-link">
            <Link href="/releases">{messages.home.more} →</Link>
          </p>
        </aside>
      )}
    </div>
  );
}
