import type { Metadata } from "next";
import { SearchPageView } from "@/components/search/SearchPageView";
import { loadSearchPage } from "@/lib/search/search-page";

// Result pages are not for search engines' indexes (endless client-chosen addresses).
export const metadata: Metadata = { title: "搜索", robots: { index: false, follow: true } };

type Params = Promise<Record<string, string | string[] | undefined>>;

export default async function SearchPage({ searchParams }: { searchParams: Params }) {
  return <SearchPageView locale="zh-CN" data={await loadSearchPage("zh-CN", await searchParams)} />;
}
