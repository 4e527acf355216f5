import type { Metadata } from "next";
import { ReleasePageView } from "@/components/release/ReleasePageView";
import { TranslationLink } from "@/components/release/TranslationLink";
import { getConfig } from "@/lib/config";
import { getEnglishEditionComparisons } from "@/lib/editions/english-queries";
import { getMessages } from "@/lib/i18n/messages";
import { getEnglishRelatedReleases, getPublicTranslations } from "@/lib/releases/english-queries";
import { releaseMetadata } from "@/lib/seo/release-metadata";
import { loadEnglishRelease } from "./load-release";

export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { release } = await loadEnglishRelease((await params).slug);
  return releaseMetadata(release, getConfig().siteUrl, await getPublicTranslations(release.id));
}

export default async function EnglishReleasePage({ params }: Props) {
  const { release, original, translatedAt } = await loadEnglishRelease((await params).slug);
  const [translations, related, comparisons] = await Promise.all([
    getPublicTranslations(release.id),
    getEnglishRelatedReleases(release.id),
    getEnglishEditionComparisons(original?.slug ?? null),
  ]);
  return (
    <ReleasePageView
      release={release}
      siteUrl={getConfig().siteUrl}
      comparisons={comparisons}
      related={related}
      languageLink={
        <TranslationLink
          messages={getMessages("en")}
          translations={translations}
          translatedAt={translatedAt}
        />
      }
    />
  );
}
