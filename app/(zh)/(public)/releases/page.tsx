import type { Metadata } from "next";
import { ReleaseList } from "@/components/release/ReleaseList";
import { getReleasePage } from "@/lib/releases/queries";
import { releaseListMetadata } from "@/lib/seo/list-metadata";

export const revalidate = 3600;
export const metadata: Metadata = releaseListMetadata("zh-CN");

export default async function ReleasesPage() {
  return <ReleaseList locale="zh-CN" data={await getReleasePage({ page: 1 })} />;
}
