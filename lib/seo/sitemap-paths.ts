/**
 * The sitemap is an index (/sitemap.xml) of files (sitemaps.org protocol: at most 50,000 URLs and
 * 50 MB each): /sitemaps/pages.xml for the site's own pages, and /sitemaps/releases/<n>.xml for the
 * releases, oldest first, so a new release changes only the last file and a crawler can skip
 * the others by their lastmod. 5,000 URLs make a file of about 1 MB (about 2 MB once each carries
 * its other-language alternates), rendered in well under 200 ms; 10,000 releases are two files.
 */
export const SITEMAP_URLS_PER_FILE = 5000;

export const SITEMAP_PAGES_PATH = "/sitemaps/pages.xml";
export const sitemapReleasesPath = (file: number) => `/sitemaps/releases/${file}.xml`;
/** "3.xml" -> 3; anything else -> null (the proxy answers those with 404 before they render). */
export function parseSitemapFile(segment: string): number | null {
  const match = /^([1-9]\d{0,5})\.xml$/.exec(segment);
  return match ? Number(match[1]) : null;
}
export const sitemapFileCount = (releaseCount: number, perFile = SITEMAP_URLS_PER_FILE) =>
  Math.max(1, Math.ceil(releaseCount / perFile));
