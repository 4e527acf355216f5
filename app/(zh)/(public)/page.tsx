import type { Metadata } from "next";
import { HomeView } from "@/components/release/HomeView";
import { getHome } from "@/lib/releases/queries";
import { pageAlternates } from "@/lib/seo/alternates";

export const revalidate = 3600;
export const metadata: Metadata = { alternates: pageAlternates("/") };

export default async function HomePage() {
  return <HomeView locale="zh-CN" {...await getHome()} />;
}
