import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReleaseList } from "@/components/release/ReleaseList";
import { fill, getMessages } from "@/lib/i18n/messages";
import { parsePageParam, releasesPageHref } from "@/lib/releases/page-param";
import { getReleasePage } from "@/lib/releases/queries";

export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = parsePageParam((await params).page);
  return { title: page ? `新闻发布 · ${fill(getMessages().list.page, { page })}` : "新闻发布" };
}

export default async function ReleasesPageN({ params }: Props) {
  const page = parsePageParam((await params).page);
  if (!page) notFound();
  const data = await getReleasePage({ page });
  if (page > data.pageCount) notFound();
  const messages = getMessages();
  return (
    <ReleaseList title={messages.list.title} data={data} messages={messages} pageHref={releasesPageHref} />
  );
}
