import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReleaseList } from "@/components/release/ReleaseList";
import { getCategory } from "@/lib/categories/queries";
import { fill, getMessages } from "@/lib/i18n/messages";
import { categoryPageHref } from "@/lib/releases/page-param";
import { getReleasePage } from "@/lib/releases/queries";
import { isValidSlug } from "@/lib/releases/slug";
import { pageAlternates } from "@/lib/seo/alternates";

export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

async function load(slug: string) {
  return isValidSlug(slug) ? getCategory(slug) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const category = await load(slug);
  if (!category) return {};
  return {
    title: category.name,
    description: category.description ?? undefined,
    alternates: pageAlternates(`/categories/${slug}`, category),
  };
}

export default async function CategoryPage({ params }: Props) {
  const { slug } = await params;
  const category = await load(slug);
  if (!category) notFound();
  const messages = getMessages();
  const data = await getReleasePage({ page: 1, categorySlug: slug });
  return (
    <ReleaseList
      title={fill(messages.category.title, { name: category.name })}
      description={category.description}
      data={data}
      messages={messages}
      pageHref={categoryPageHref(slug)}
    />
  );
}
