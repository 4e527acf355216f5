import type { Metadata } from "next";
import { ReleaseList } from "@/components/release/ReleaseList";
import { loadListPage } from "@/lib/releases/list-page";
import { getReleasePage } from "@/lib/releases/queries";
import { releaseListMetadata } from "@/lib/seo/list-metadata";

export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return releaseListMetadata("zh-CN", { page: (await params).page });
}

export default async function ReleasesPageN({ params }: Props) {
  const data = await loadListPage((await params).page, (page) => getReleasePage({ page }));
  return <ReleaseList locale="zh-CN" data={data} />;
}
