import { notFound } from "next/navigation";
import { cache } from "react";
import { figureKeySchema } from "../figures/registry-schema";
import type { EditionDetail, FigureSeries } from "./queries";
import { parseEditionYear } from "./year-param";

/**
 * The loader of a figure's page across editions (/data/[key], /en/data/[key]; shared by the page
 * and its generateMetadata): the series, or the 404 for a malformed or unknown key.
 */
export function figureSeriesLoader(find: (key: string) => Promise<FigureSeries | null>) {
  return cache(async (key: string): Promise<FigureSeries> => {
    if (!figureKeySchema.safeParse(key).success) notFound();
    return (await find(key)) ?? notFound();
  });
}

/** The loader of a year's page (/editions/[year], /en/editions/[year]): its editions, or the 404. */
export function editionYearLoader(
  find: (year: number) => Promise<{ editions: EditionDetail[]; eventCount: number } | null>,
) {
  return cache(async (year: string) => (await find(parseEditionYear(year) ?? notFound())) ?? notFound());
}
