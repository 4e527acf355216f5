import type { Metadata } from "next";
import { FigureSeriesView } from "@/components/editions/FigureSeriesView";
import { getEnglishFigureSeries } from "@/lib/editions/english-queries";
import { figureSeriesLoader } from "@/lib/editions/page-loaders";
import { figureSeriesMetadata } from "@/lib/seo/edition-metadata";

export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ key: string }> };

const load = figureSeriesLoader(getEnglishFigureSeries);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return figureSeriesMetadata("en", await load((await params).key));
}

export default async function EnglishFigureSeriesPage({ params }: Props) {
  return <FigureSeriesView locale="en" series={await load((await params).key)} />;
}
