import type { Metadata } from "next";
import { editionLine } from "../editions/edition-line";
import type { PublicEdition, SeriesPoint } from "../editions/public-dto";
import { fill, getMessages } from "../i18n/messages";
import { localePath, type SiteLocale } from "../i18n/paths";
import { pageAlternates } from "./alternates";

/** Title, description and alternates of a year's page (/editions/[year], /en/editions/[year]). */
export function editionYearMetadata(locale: SiteLocale, year: number, editions: PublicEdition[]): Metadata {
  const messages = getMessages(locale);
  return {
    title: fill(messages.editions.yearTitle, { year, event: editions[0].event.name }),
    description: editionLine(editions[0], messages),
    alternates: pageAlternates(localePath(locale, `/editions/${year}`)),
  };
}

/** Title, description (every edition's value) and alternates of a figure's page across editions. */
export function figureSeriesMetadata(
  locale: SiteLocale,
  series: { key: string; label: string; series: SeriesPoint[] },
): Metadata {
  const t = getMessages(locale).editions;
  const english = locale === "en";
  return {
    title: fill(t.seriesTitle, { label: series.label }),
    description: series.series
      .map((p) => `${fill(t.yearOnly, { year: p.edition.year })}${english ? ":" : ""} ${p.figure.display}`)
      .join(english ? "; " : "；"),
    alternates: pageAlternates(localePath(locale, `/data/${series.key}`)),
  };
}
