import type { Metadata } from "next";
import { EditionYearView } from "@/components/editions/EditionYearView";
import { getEditionsOfYear } from "@/lib/editions/queries";
import { editionYearLoader } from "@/lib/editions/page-loaders";
import { editionYearMetadata } from "@/lib/seo/edition-metadata";

export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ year: string }> };

const load = editionYearLoader(getEditionsOfYear);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { year } = await params;
  return editionYearMetadata("zh-CN", Number(year), (await load(year)).editions);
}

export default async function EditionYearPage({ params }: Props) {
  return <EditionYearView locale="zh-CN" {...await load((await params).year)} />;
}
