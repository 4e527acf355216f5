import type { Metadata } from "next";

type Alternates = NonNullable<Metadata["alternates"]>;

const SITE_FEEDS = {
  "application/rss+xml": [{ url: "/feed.xml", title: "Pressroom 新闻中心 RSS" }],
  "application/atom+xml": [{ url: "/atom.xml", title: "Pressroom 新闻中心 Atom" }],
  "application/feed+json": [{ url: "/feed.json", title: "Pressroom 新闻中心 JSON Feed" }],
};

/**
 * A page's alternates: its canonical URL and the feed autodiscovery links. Next replaces (does not
 * merge) a layout's alternates when a page sets its own, so every page builds them here.
 */
export function pageAlternates(canonical?: string, category?: { slug: string; name: string }): Alternates {
  const types: Record<string, Array<{ url: string; title: string }>> = {};
  for (const [type, links] of Object.entries(SITE_FEEDS)) types[type] = [...links];
  if (category) {
    const base = `/categories/${category.slug}`;
    types["application/rss+xml"].push({ url: `${base}/feed.xml`, title: `${category.name} RSS` });
    types["application/atom+xml"].push({ url: `${base}/atom.xml`, title: `${category.name} Atom` });
    types["application/feed+json"].push({ url: `${base}/feed.json`, title: `${category.name} JSON Feed` });
  }
  return { ...(canonical ? { canonical } : {}), types };
}
