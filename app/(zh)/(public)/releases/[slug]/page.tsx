import type { Metadata } from "next";
import { ReleasePageView } from "@/components/release/ReleasePageView";
import { TranslationLink } from "@/components/release/TranslationLink";
import { getConfig } from "@/lib/config";
import { getEditionComparisons } from "@/lib/editions/queries";
import { getMessages } from "@/lib/i18n/messages";
import { getPublicTranslations } from "@/lib/releases/english-queries";
import { getRelatedReleases } from "@/lib/releases/queries";
import { releaseMetadata } from "@/lib/seo/release-metadata";
import { loadRelease } from "./load-release";

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
  return (
    <ReleasePageView
      release={release}
      siteUrl={getConfig().siteUrl}
      comparisons={comparisons}
      related={related}
      languageLink={<TranslationLink messages={getMessages(release.locale)} translations={translations} />}
    />
  );
}
