import type { Metadata } from "next";
import { toBeijingIso } from "../i18n/format-date";
import { getMessages } from "../i18n/messages";
import type { PublicRelease } from "../releases/public-dto";
import { releasePath, siteLocale, type SiteLocale } from "../i18n/paths";
import { languageAlternates, pageAlternates } from "./alternates";

/** The release's address in each language it is public in (itself and its public translations). */
export function releaseLanguagePaths(
  release: { locale: string; slug: string },
  translations: ReadonlyArray<{ locale: string; slug: string }>,
) {
  return Object.fromEntries(
    [release, ...translations].map((r) => [siteLocale(r.locale), releasePath(r.locale, r.slug)]),
  ) as Partial<Record<SiteLocale, string>>;
}

export function releaseMetadata(
  release: PublicRelease,
  siteUrl: string,
  translations: ReadonlyArray<{ locale: string; slug: string }> = [],
): Metadata {
  const path = releasePath(release.locale, release.slug);
  const url = `${siteUrl}${path}`;
  // The share image is drawn in Chinese: English pages go without one.
  const images =
    release.locale === "en"
      ? []
      : [{ url: `${url}/share.png`, width: 1200, height: 630, alt: release.title }];
  const description = release.summary || release.title;
  return {
    title: release.title,
    description,
    alternates: pageAlternates(path, release.category ?? undefined, {
      locale: release.locale,
      languages: languageAlternates(releaseLanguagePaths(release, translations)),
    }),
    openGraph: {
      type: "article",
      url,
      title: release.title,
      description,
      siteName: getMessages(release.locale).site.name,
      locale: release.locale.replace("-", "_"),
      publishedTime: toBeijingIso(release.publishAt),
      modifiedTime: toBeijingIso(release.contentUpdatedAt),
      section: release.category?.name,
      tags: release.tags.map((t) => t.name),
      images,
    },
    twitter: {
      card: images.length ? "summary_large_image" : "summary",
      title: release.title,
      description,
      images: images.map((i) => i.url),
    },
  };
}

/** schema.org NewsArticle, with the figures as PropertyValue data that machines can read. */
export function releaseJsonLd(release: PublicRelease, siteUrl: string) {
  const url = `${siteUrl}${releasePath(release.locale, release.slug)}`;
  const site = getMessages(release.locale).site;
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    mainEntityOfPage: url,
    url,
    headline: release.title,
    description: release.summary,
    inLanguage: release.locale,
    datePublished: toBeijingIso(release.publishAt),
    dateModified: toBeijingIso(release.contentUpdatedAt),
    image: release.locale === "en" ? undefined : [`${url}/share.png`],
    author: release.byline
      ? { "@type": "Person", name: release.byline }
      : { "@type": "Organization", name: release.sourceName ?? site.name },
    publisher: {
      "@type": "Organization",
      name: site.name,
      url: siteUrl,
      logo: { "@type": "ImageObject", url: `${siteUrl}/icon.svg` },
    },
    ...(release.sourceName
      ? { sourceOrganization: { "@type": "Organization", name: release.sourceName } }
      : {}),
    articleSection: release.category?.name,
    keywords: release.tags.map((t) => t.name).join(","),
    ...(release.edition
      ? {
          about: {
            "@type": "Event",
            name: `${release.edition.year}${release.edition.event.name}`,
            startDate: release.edition.startDate,
            endDate: release.edition.endDate,
            location: { "@type": "Place", name: release.edition.city },
          },
        }
      : {}),
    // Every figure, kept lean (the page carries this script twice: in HTML and in its RSC payload);
    // the full records with qualifiers and source sentences are at /api/releases/[slug].
    // A figure of an edition has its page across editions: the @id links one measure over the years.
    mentions: release.figures.map((f) => ({
      ...(release.edition ? { "@id": `${siteUrl}/data/${f.key}` } : {}),
      "@type": "PropertyValue",
      propertyID: f.key,
      name: f.label,
      value: Number(f.baseValue),
      unitText: f.baseUnit,
    })),
  };
}

/** JSON for a <script type="application/ld+json">: "<" escaped so text cannot close the script. */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
