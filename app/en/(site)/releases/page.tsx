import type { Metadata } from "next";
import { ReleaseList } from "@/components/release/ReleaseList";
import { getMessages } from "@/lib/i18n/messages";
import { englishReleasesPageHref } from "@/lib/releases/page-param";
import { getEnglishReleasePage } from "@/lib/releases/english-queries";
import { pageAlternates } from "@/lib/seo/alternates";

export const revalidate = 3600;
export const metadata: Metadata = { title: "Releases", alternates: pageAlternates("/en/releases") };

export default async function EnglishReleasesPage() {
  const messages = getMessages("en");
  return (
    <ReleaseList
      title={messages.list.title}
      data={await getEnglishReleasePage({ page: 1 })}
      messages={messages}
      pageHref={englishReleasesPageHref}
    />
  );
}
