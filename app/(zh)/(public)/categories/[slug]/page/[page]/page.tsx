import { notFound } from "next/navigation";
import { ReleaseList } from "@/components/release/ReleaseList";
import { getCategory } from "@/lib/categories/queries";
import { fill, getMessages } from "@/lib/i18n/messages";
import { categoryPageHref, parsePageParam } from "@/lib/releases/page-param";
import { getReleasePage } from "@/lib/releases/queries";
import { isValidSlug } from "@/lib/releases/slug";

export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

export default async function CategoryPageN({ params }: { params: Promise<{ slug: string; page: string }> }) {
  const { slug, page: pageParam } = await params;
  const page = parsePageParam(pageParam);
  const category = isValidSlug(slug) ? await getCategory(slug) : null;
  if (!page || !category) notFound();
  const data = await getReleasePage({ page, categorySlug: slug });
  if (page > data.pageCount) notFound();
  const messages = getMessages();
  return (
    <ReleaseList
      title={fill(messages.category.title, { name: category.name })}
      data={data}
      messages={messages}
      pageHref={categoryPageHref(slug)}
    />
  );
}
