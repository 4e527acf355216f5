// Surrogate keys on public answers (plain JavaScript: next.config.js imports it). A CDN that purges
// by tag (Fastly's Surrogate-Key, Cloudflare's Cache-Tag, Varnish xkey) can empty exactly what a
// change touched; every public answer also carries "public", the key the app purges on any change
// (lib/cache/http-cache-purge.ts), because the outbox names no finer scope. Keys that name a release
// use its address (slug): the header is set by path, before any page looks the release up.

/** Path pattern (Next's `source` syntax) -> keys; `:name` is replaced by the path's segment. Later rules win. */
export const SURROGATE_KEY_RULES = [
  { source: "/", keys: ["home", "list:releases"] },
  { source: "/releases", keys: ["list:releases"] },
  { source: "/releases/:slug", keys: ["release::slug"] },
  { source: "/releases/:slug/:part(data|figures.csv|share.png)", keys: ["release::slug"] },
  { source: "/releases/page/:page", keys: ["list:releases"] },
  { source: "/api/releases", keys: ["list:releases", "api"] },
  { source: "/api/releases/:slug", keys: ["release::slug", "api"] },
  { source: "/categories/:slug", keys: ["category::slug", "list:releases"] },
  { source: "/categories/:slug/page/:page", keys: ["category::slug", "list:releases"] },
  { source: "/categories/:slug/:feed(feed.xml|atom.xml|feed.json)", keys: ["category::slug", "feed"] },
  { source: "/:feed(feed.xml|atom.xml|feed.json)", keys: ["feed", "list:releases"] },
  { source: "/:map(sitemap.xml|news-sitemap.xml)", keys: ["sitemap"] },
  { source: "/editions", keys: ["editions"] },
  { source: "/editions/:year", keys: ["editions", "edition::year"] },
  { source: "/data/:key", keys: ["editions", "figure::key"] },
  { source: "/data/:key/csv", keys: ["editions", "figure::key"] },
  { source: "/api/figures/:key", keys: ["editions", "figure::key", "api"] },
];

/** The keys every purge names (the app purges all public content on any change). */
export const SITE_SURROGATE_KEYS = ["public"];

/** For next.config.js headers(): Surrogate-Key (space-separated) and Cache-Tag (comma-separated). */
export function surrogateKeyHeaders() {
  return SURROGATE_KEY_RULES.map(({ source, keys }) => {
    const all = [...keys, ...SITE_SURROGATE_KEYS];
    return {
      source,
      headers: [
        { key: "Surrogate-Key", value: all.join(" ") },
        { key: "Cache-Tag", value: all.join(",") },
      ],
    };
  });
}
