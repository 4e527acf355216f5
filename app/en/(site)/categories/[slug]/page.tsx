import { notFound } from "next/navigation";
import { ReleaseList } from "@/components/release/ReleaseList";
import { categoryOfPath } from "@/lib/categories/queries";
import { getEnglishReleasePage } from "@/lib/releases/english-queries";
import { categoryListMetadata } from "@/lib/seo/list-metadata";

export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export const generateMetadata = categoryListMetadata("en");

export default async function EnglishCategoryPage({ params }: Props) {
  const category = (await categoryOfPath((await params).slug)) ?? notFound();
  const data = await getEnglishReleasePage({ page: 1, categorySlug: category.slug });
  return <ReleaseList locale="en" data={data} category={category} />;
}
