import type { Metadata } from "next";
import { EditionsView } from "@/components/editions/EditionsView";
import { getEnglishEditions } from "@/lib/editions/english-queries";
import { pageAlternates } from "@/lib/seo/alternates";

export const revalidate = 3600;
export const metadata: Metadata = {
  title: "Editions",
  description: "The results of every edition of the convention.",
  alternates: pageAlternates("/en/editions"),
};

export default async function EnglishEditionsPage() {
  return <EditionsView locale="en" {...await getEnglishEditions()} />;
}
