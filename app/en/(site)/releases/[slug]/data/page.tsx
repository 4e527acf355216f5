import type { Metadata } from "next";
import { ReleaseDataView } from "@/components/release/ReleaseDataView";
import { releaseDataMetadata } from "@/lib/seo/release-data-metadata";
import { loadEnglishRelease } from "../load-release";

export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return releaseDataMetadata((await loadEnglishRelease((await params).slug, "/data")).release);
}

export default async function EnglishReleaseDataPage({ params }: Props) {
  const { release } = await loadEnglishRelease((await params).slug, "/data");
  return <ReleaseDataView release={release} />;
}
