import type { Metadata } from "next";
import { ReleaseList } from "@/components/release/ReleaseList";
import { getEnglishReleasePage } from "@/lib/releases/english-queries";
import { loadListPage } from "@/lib/releases/list-page";
import { releaseListMetadata } from "@/lib/seo/list-metadata";

export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return releaseListMetadata("en", { page: (await params).page });
}

export default async function EnglishReleasesPageN({ params }: Props) {
  const data = await loadListPage((await params).page, (page) => getEnglishReleasePage({ page }));
  return <ReleaseList locale="en" data={data} />;
}
