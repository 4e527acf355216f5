import type { Metadata } from "next";
import { counterpartPath, localePath, siteLocale, type SiteLocale } from "../i18n/paths";

type Alternates = NonNullable<Metadata["alternates"]>;

const FEED_TITLES: Record<SiteLocale, string> = { "zh-CN": "Pressroom 新闻中心", en: "Pressroom (English)" };

function siteFeeds(locale: SiteLocale) {
  const title = FEED_TITLES[locale];
  return {
    "application/rss+xml": [{ url: localePath(locale, "/feed.xml"), title: `${title} RSS` }],
    "application/atom+xml": [{ url: localePath(locale, "/atom.xml"), title: `${title} Atom` }],
    "application/feed+json": [{ url: localePath(locale, "/feed.json"), title: `${title} JSON Feed` }],
  };
}

/** hreflang alternates of a page from its address in each language; x-default is the Chinese one. */
export function languageAlternates(paths: Partial<Record<SiteLocale, string>>): Record<string, string> {
  const languages: Record<string, string> = {};
  if (paths["zh-CN"]) languages["zh-CN"] = paths["zh-CN"];
  if (paths.en) languages.en = paths.en;
  if (Object.keys(languages).length < 2) return {};
  return { ...languages, "x-default": languages["zh-CN"] };
}

/**
 * A page's alternates: its canonical URL, the feed autodiscovery links of its language and, for
 * pages both editions have (home, lists, editions, figure data), the hreflang alternates; release
 * pages pass theirs (`languages`), since a translation has its own slug. Next replaces (does not
 * merge) a layout's alternates when a page sets its own, so every page builds them here.
 */
export function pageAlternates(
  canonical?: string,
  category?: { slug: string; name: string },
  options: { locale?: string; languages?: Record<string, string> } = {},
): Alternates {
  const locale = siteLocale(options.locale ?? (canonical?.match(/^\/en(\/|$)/) ? "en" : "zh-CN"));
  const types: Record<string, Array<{ url: string; title: string }>> = {};
  for (const [type, links] of Object.entries(siteFeeds(locale))) types[type] = [...links];
  // Category feeds list Chinese releases: English pages do not announce them.
  if (category && locale === "zh-CN") {
    const base = `/categories/${category.slug}`;
    types["application/rss+xml"].push({ url: `${base}/feed.xml`, title: `${category.name} RSS` });
    types["application/atom+xml"].push({ url: `${base}/atom.xml`, title: `${category.name} Atom` });
    types["application/feed+json"].push({ url: `${base}/feed.json`, title: `${category.name} JSON Feed` });
  }
  let languages = options.languages;
  if (!languages && canonical) {
    const other = counterpartPath(canonical);
    const sharedPage = other.path !== localePath(other.locale, "/") || /^\/(en)?$/.test(canonical);
    if (sharedPage) languages = languageAlternates({ [locale]: canonical, [other.locale]: other.path });
  }
  return {
    ...(canonical ? { canonical } : {}),
    ...(languages && Object.keys(languages).length ? { languages } : {}),
    types,
  };
}
