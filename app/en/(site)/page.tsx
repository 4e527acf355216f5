import type { Metadata } from "next";
import { HomeView } from "@/components/release/HomeView";
import { getEnglishHome } from "@/lib/releases/english-queries";
import { pageAlternates } from "@/lib/seo/alternates";

export const revalidate = 3600;
export const metadata: Metadata = { alternates: pageAlternates("/en") };

export default async function EnglishHomePage() {
  return <HomeView locale="en" {...await getEnglishHome()} />;
}
