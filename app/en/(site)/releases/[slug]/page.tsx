import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { ReleaseArticle } from "@/components/release/ReleaseArticle";
import { ReleaseCard } from "@/components/release/ReleaseCard";
import { TranslationLink } from "@/components/release/TranslationLink";
import { getConfig } from "@/lib/config";
import { getEditionComparisons } from "@/lib/editions/queries";
import { toEnglishFigure } from "@/lib/figures/english-figure";
import { getMessages } from "@/lib/i18n/messages";
import { releasePath } from "@/lib/i18n/paths";
import { getEnglishRelease, getKeyLabelsEn, getPublicTranslations } from "@/lib/releases/english-queries";
import { getRelatedReleases } from "@/lib/releases/queries";
import { isValidSlug } from "@/lib/releases/slug";
import { jsonLdScript, releaseJsonLd, releaseMetadata } from "@/lib/seo/release-metadata";

export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

const load = cache(async (slug: string) => {
  if (!isValidSlug(slug)) notFound();
  const found = await getEnglishRelease(slug);
  if (!found) notFound();
  if ("redirectTo" in found) permanentRedirect(releasePath("en", found.redirectTo));
  return found;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { release } = await load((await params).slug);
  return releaseMetadata(release, getConfig().siteUrl, await getPublicTranslations(release.id));
}

export default async function EnglishReleasePage({ params }: Props) {
  const { release, original, translatedAt } = await load((await params).slug);
  const [translations, related, comparisons, keyLabels] = await Promise.all([
    getPublicTranslations(release.id),
    getRelatedReleases(release.id),
    original ? getEditionComparisons(original.slug) : Promise.resolve([]),
    getKeyLabelsEn(),
  ]);
  const messages = getMessages("en");
  const siteUrl = getConfig().siteUrl;
  const englishComparisons = comparisons.map((c) => ({
    key: c.key,
    points: c.points.map((p) => ({ ...p, figure: toEnglishFigure(p.figure, keyLabels) })),
  }));

  return (
    <div className={related.length ? "page release-page release-page--with-related" : "page release-page"}>
      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{ __html: jsonLdScript(releaseJsonLd(release, siteUrl)) }}
      />
      <ReleaseArticle
        release={release}
        siteUrl={siteUrl}
        comparisons={englishComparisons}
        languageLink={
          <TranslationLink messages={messages} translations={translations} translatedAt={translatedAt} />
        }
      />
      {related.length > 0 && (
        <aside className="related" aria-labelledby="related-title">
          <h2 id="related-title" className="section-title">
            {messages.release.related}
          </h2>
          <div className="release-list release-list--compact">
            {related.map((r) => (
              <ReleaseCard key={r.id} release={{ ...r, category: null }} messages={messages} />
            ))}
          </div>
          <p className="more-link">
            <Link href="/en/releases">{messages.home.more} →</Link>
          </p>
        </aside>
      )}
    </div>
  );
}
