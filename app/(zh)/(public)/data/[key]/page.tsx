import type { Metadata } from "next";
import { FigureSeriesView } from "@/components/editions/FigureSeriesView";
import { getFigureSeries } from "@/lib/editions/queries";
import { figureSeriesLoader } from "@/lib/editions/page-loaders";
import { figureSeriesMetadata } from "@/lib/seo/edition-metadata";

export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ key: string }> };

const load = figureSeriesLoader(getFigureSeries);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return figureSeriesMetadata("zh-CN", await load((await params).key));
}

export default async function FigureSeriesPage({ params }: Props) {
  return <FigureSeriesView locale="zh-CN" series={await load((await params).key)} />;
}
