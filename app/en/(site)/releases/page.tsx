import type { Metadata } from "next";
import { ReleaseList } from "@/components/release/ReleaseList";
import { getEnglishReleasePage } from "@/lib/releases/english-queries";
import { releaseListMetadata } from "@/lib/seo/list-metadata";

export const revalidate = 3600;
export const metadata: Metadata = releaseListMetadata("en");

export default async function EnglishReleasesPage() {
  return <ReleaseList locale="en" data={await getEnglishReleasePage({ page: 1 })} />;
}
