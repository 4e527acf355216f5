import { notFound } from "next/navigation";
import { ReleaseList } from "@/components/release/ReleaseList";
import { categoryOfPath } from "@/lib/categories/queries";
import { getEnglishReleasePage } from "@/lib/releases/english-queries";
import { loadListPage } from "@/lib/releases/list-page";
import { categoryListMetadata } from "@/lib/seo/list-metadata";

export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string; page: string }> };

export const generateMetadata = categoryListMetadata("en");

export default async function EnglishCategoryPageN({ params }: Props) {
  const { slug, page } = await params;
  const category = (await categoryOfPath(slug)) ?? notFound();
  const data = await loadListPage(page, (n) =>
    getEnglishReleasePage({ page: n, categorySlug: category.slug }),
  );
  return <ReleaseList locale="en" data={data} category={category} />;
}
