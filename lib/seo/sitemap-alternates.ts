import { releasePath, siteLocale, localePath, type SiteLocale } from "../i18n/paths";
import { languageAlternates } from "./alternates";

type SitemapRelease = { slug: string; locale: string; translationGroupId: string };

/**
 * The xhtml:link alternates of sitemap entries (Next writes `alternates.languages` as
 * <xhtml:link rel="alternate" hreflang>): a release's address in every language of its translation
 * group, by slug; and the pages both editions have. Absolute URLs, as sitemaps require.
 */
export function releaseSitemapAlternates(releases: readonly SitemapRelease[], siteUrl: string) {
  const groups = new Map<string, Partial<Record<SiteLocale, string>>>();
  for (const r of releases) {
    const group = groups.get(r.translationGroupId) ?? {};
    group[siteLocale(r.locale)] = `${siteUrl}${releasePath(r.locale, r.slug)}`;
    groups.set(r.translationGroupId, group);
  }
  return (release: SitemapRelease) => {
    const languages = languageAlternates(groups.get(release.translationGroupId) ?? {});
    return Object.keys(languages).length ? { alternates: { languages } } : {};
  };
}

/** A page both editions have (home, lists, editions, figure data), in both languages, with its alternates. */
export function bilingualSitemapEntries(path: string, siteUrl: string) {
  const urls = Object.fromEntries(
    (["zh-CN", "en"] as const).map((locale) => [locale, `${siteUrl}${localePath(locale, path)}`]),
  ) as Record<SiteLocale, string>;
  const alternates = { languages: languageAlternates(urls) };
  return [
    { url: urls["zh-CN"], alternates },
    { url: urls.en, alternates },
  ];
}
