import { notFound } from "next/navigation";
import { ReleaseList } from "@/components/release/ReleaseList";
import { categoryOfPath } from "@/lib/categories/queries";
import { loadListPage } from "@/lib/releases/list-page";
import { getReleasePage } from "@/lib/releases/queries";
import { categoryListMetadata } from "@/lib/seo/list-metadata";

export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string; page: string }> };

export const generateMetadata = categoryListMetadata("zh-CN");

export default async function CategoryPageN({ params }: Props) {
  const { slug, page } = await params;
  const category = (await categoryOfPath(slug)) ?? notFound();
  const data = await loadListPage(page, (n) => getReleasePage({ page: n, categorySlug: category.slug }));
  return <ReleaseList locale="zh-CN" data={data} category={category} />;
}
