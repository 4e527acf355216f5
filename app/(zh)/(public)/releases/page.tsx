import type { Metadata } from "next";
import { ReleaseList } from "@/components/release/ReleaseList";
import { getMessages } from "@/lib/i18n/messages";
import { releasesPageHref } from "@/lib/releases/page-param";
import { getReleasePage } from "@/lib/releases/queries";
import { pageAlternates } from "@/lib/seo/alternates";

export const revalidate = 3600;
export const metadata: Metadata = { title: "新闻发布", alternates: pageAlternates("/releases") };

export default async function ReleasesPage() {
  const messages = getMessages();
  return (
    <ReleaseList
      title={messages.list.title}
      data={await getReleasePage({ page: 1 })}
      messages={messages}
      pageHref={releasesPageHref}
    />
  );
}
