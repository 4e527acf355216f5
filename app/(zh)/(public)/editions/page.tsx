import type { Metadata } from "next";
import { EditionsView } from "@/components/editions/EditionsView";
import { getPublicEditions } from "@/lib/editions/queries";
import { pageAlternates } from "@/lib/seo/alternates";

export const revalidate = 3600;
export const metadata: Metadata = {
  title: "历届大会",
  description: "每届大会的成果数据与历届对比。",
  alternates: pageAlternates("/editions"),
};

export default async function EditionsPage() {
  return <EditionsView locale="zh-CN" {...await getPublicEditions()} />;
}
