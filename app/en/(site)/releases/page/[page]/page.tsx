import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReleaseList } from "@/components/release/ReleaseList";
import { fill, getMessages } from "@/lib/i18n/messages";
import { englishReleasesPageHref, parsePageParam } from "@/lib/releases/page-param";
import { getEnglishReleasePage } from "@/lib/releases/english-queries";
import { pageAlternates } from "@/lib/seo/alternates";

export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = parsePageParam((await params).page);
  const messages = getMessages("en");
  return {
    title: page ? `${messages.list.title} · ${fill(messages.list.page, { page })}` : messages.list.title,
    alternates: page ? pageAlternates(`/en/releases/page/${page}`) : undefined,
  };
}

export default async function EnglishReleasesPageN({ params }: Props) {
  const page = parsePageParam((await params).page);
  if (!page) notFound();
  const data = await getEnglishReleasePage({ page });
  if (page > data.pageCount) notFound();
  const messages = getMessages("en");
  return (
    <ReleaseList
      title={messages.list.title}
      data={data}
      messages={messages}
      pageHref={englishReleasesPageHref}
    />
  );
}
