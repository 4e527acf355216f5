import "server-only";
import { db } from "../db";
import { cachedLookup, cachedQuery } from "../cache/cached-query";
import { toEnglishFigure, type KeyLabelsEn } from "../figures/english-figure";
import { localizedName } from "../i18n/localized-name";
import { listEnglishReleasesOfYear, listKeyLabelsEn } from "../releases/english-queries";
import type { PublicEdition } from "./public-dto";
import {
  findEditionsOfYear,
  findFigureSeries,
  listEditionComparisons,
  listPublicEditions,
  type EditionDetail,
  type EditionSummary,
  type FigureSeries,
} from "./queries";

// The English edition's views of editions and figure series: the same public rows as the Chinese
// pages, figures in English wording (from the same stored values), events by their English names,
// and the English releases in place of the Chinese ones.

async function englishEventNames(): Promise<Map<string, string>> {
  const events = await db.event.findMany({ select: { slug: true, name: true, nameEn: true } });
  return new Map(events.map((e) => [e.slug, localizedName(e, "en")]));
}

function inEnglish<T extends PublicEdition>(edition: T, eventNames: Map<string, string>): T {
  const name = eventNames.get(edition.event.slug) ?? edition.event.name;
  return { ...edition, event: { ...edition.event, name } };
}

function summaryInEnglish(e: EditionSummary, eventNames: Map<string, string>, labels: KeyLabelsEn) {
  return {
    ...inEnglish(e, eventNames),
    headline: e.headline.map((f) => toEnglishFigure(f, labels)),
    // The headline release is a Chinese one: English pages link the figures' data pages instead.
    headlineRelease: null,
  };
}

export async function listEnglishEditions(): Promise<{ editions: EditionSummary[]; eventCount: number }> {
  const [{ editions, eventCount }, eventNames, labels] = await Promise.all([
    listPublicEditions(),
    englishEventNames(),
    listKeyLabelsEn(),
  ]);
  return { eventCount, editions: editions.map((e) => summaryInEnglish(e, eventNames, labels)) };
}

/** The editions of a year with their English releases; null where the Chinese page is a 404 too. */
export async function findEnglishEditionsOfYear(
  year: number,
): Promise<{ editions: EditionDetail[]; eventCount: number } | null> {
  const found = await findEditionsOfYear(year);
  if (!found) return null;
  const [eventNames, labels, english] = await Promise.all([
    englishEventNames(),
    listKeyLabelsEn(),
    listEnglishReleasesOfYear(year),
  ]);
  return {
    eventCount: found.eventCount,
    editions: found.editions.map((e) => {
      const own = english.filter((r) => r.eventSlug === e.event.slug);
      return {
        ...summaryInEnglish(e, eventNames, labels),
        releaseCount: own.length,
        releases: own.map((r) => r.release),
        figuresByRelease: own
          .filter((r) => r.figures.length)
          .map((r) => ({ release: { slug: r.release.slug, title: r.release.title }, figures: r.figures })),
      };
    }),
  };
}

/** The same public series as /data/[key], in English wording (values from the stored base values). */
export async function findEnglishFigureSeries(key: string): Promise<FigureSeries | null> {
  const [series, eventNames, labels] = await Promise.all([
    findFigureSeries(key),
    englishEventNames(),
    listKeyLabelsEn(),
  ]);
  if (!series) return null;
  return {
    ...series,
    label: series.labelEn?.trim() || series.label,
    series: series.series.map((p) => ({
      ...p,
      edition: inEnglish(p.edition, eventNames),
      figure: toEnglishFigure(p.figure, labels),
    })),
  };
}

/** 历届对比 of an English release: its original's comparisons, in English wording. */
export async function listEnglishEditionComparisons(originalSlug: string | null) {
  if (!originalSlug) return [];
  const [comparisons, eventNames, labels] = await Promise.all([
    listEditionComparisons(originalSlug),
    englishEventNames(),
    listKeyLabelsEn(),
  ]);
  return comparisons.map((c) => ({
    key: c.key,
    points: c.points.map((p) => ({
      ...p,
      edition: inEnglish(p.edition, eventNames),
      figure: toEnglishFigure(p.figure, labels),
    })),
  }));
}

export const getEnglishEditions = cachedQuery("english-editions", listEnglishEditions);
export const getEnglishEditionsOfYear = cachedLookup("english-editions-of-year", findEnglishEditionsOfYear);
export const getEnglishFigureSeries = cachedLookup("english-figure-series", findEnglishFigureSeries);
export const getEnglishEditionComparisons = cachedQuery(
  "english-edition-comparisons",
  listEnglishEditionComparisons,
);
