import type { Metadata } from "next";
import { SearchPageView } from "@/components/search/SearchPageView";
import { loadSearchPage } from "@/lib/search/search-page";

// Result pages are not for search engines' indexes (endless client-chosen addresses).
export const metadata: Metadata = { title: "Search", robots: { index: false, follow: true } };

type Params = Promise<Record<string, string | string[] | undefined>>;

export default async function EnglishSearchPage({ searchParams }: { searchParams: Params }) {
  return <SearchPageView locale="en" data={await loadSearchPage("en", await searchParams)} />;
}
