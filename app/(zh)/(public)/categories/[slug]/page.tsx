import { notFound } from "next/navigation";
import { ReleaseList } from "@/components/release/ReleaseList";
import { categoryOfPath } from "@/lib/categories/queries";
import { getReleasePage } from "@/lib/releases/queries";
import { categoryListMetadata } from "@/lib/seo/list-metadata";

export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export const generateMetadata = categoryListMetadata("zh-CN");

export default async function CategoryPage({ params }: Props) {
  const category = (await categoryOfPath((await params).slug)) ?? notFound();
  const data = await getReleasePage({ page: 1, categorySlug: category.slug });
  return <ReleaseList locale="zh-CN" data={data} category={category} />;
}
