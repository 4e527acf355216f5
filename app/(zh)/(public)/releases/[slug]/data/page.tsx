import type { Metadata } from "next";
import { ReleaseDataView } from "@/components/release/ReleaseDataView";
import { releaseDataMetadata } from "@/lib/seo/release-data-metadata";
import { loadRelease } from "../load-release";

export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return releaseDataMetadata(await loadRelease((await params).slug, "/data"));
}

export default async function ReleaseDataPage({ params }: Props) {
  return <ReleaseDataView release={await loadRelease((await params).slug, "/data")} />;
}
