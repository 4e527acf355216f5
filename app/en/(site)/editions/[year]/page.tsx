import type { Metadata } from "next";
import { EditionYearView } from "@/components/editions/EditionYearView";
import { getEnglishEditionsOfYear } from "@/lib/editions/english-queries";
import { editionYearLoader } from "@/lib/editions/page-loaders";
import { editionYearMetadata } from "@/lib/seo/edition-metadata";

export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ year: string }> };

const load = editionYearLoader(getEnglishEditionsOfYear);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { year } = await params;
  return editionYearMetadata("en", Number(year), (await load(year)).editions);
}

export default async function EnglishEditionYearPage({ params }: Props) {
  return <EditionYearView locale="en" {...await load((await params).year)} />;
}
