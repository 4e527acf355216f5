import { describe, expect, it } from "vitest";
import { httpCachePurgeSchema } from "@/lib/config";
import { purgePathsFor } from "@/lib/cache/purge-paths";
import { SITE_SURROGATE_KEYS, surrogateKeyHeaders } from "@/lib/cache/surrogate-keys.mjs";

describe("purgePathsFor", () => {
  const paths = purgePathsFor({
    releaseSlugs: ["wmc-2023-results", "old-slug", "wmc-2023-results-en"],
    englishReleaseSlugs: ["wmc-2023-results-en"],
    publicReleaseCount: 13,
    publicEnglishReleaseCount: 13,
    categories: [
      { slug: "news", publicReleases: 12, publicEnglishReleases: 0 },
      { slug: "results", publicReleases: 25, publicEnglishReleases: 13 },
    ],
    editionYears: [2023],
    figureKeys: ["projects", "签约 额"],
  });

  it("names every address of each release, current and retired", () => {
    for (const slug of ["wmc-2023-results", "old-slug"])
      for (const path of ["", "/data", "/figures.csv", "/share.png"])
        expect(paths).toContain(`/releases/${slug}${path}`);
    expect(paths).toContain("/api/releases/old-slug");
  });

  it("names the English edition's addresses: home, lists, feeds, editions, releases and figure data", () => {
    for (const path of [
      "/en",
      "/en/releases",
      "/en/releases/page/2",
      "/en/releases/page/3",
      "/en/feed.xml",
      "/en/atom.xml",
      "/en/feed.json",
      "/en/editions",
      "/en/releases/wmc-2023-results-en",
      "/en/data/projects",
      `/en/data/${encodeURIComponent("签约 额")}`,
    ])
      expect(paths).toContain(path);
    expect(paths).not.toContain("/en/releases/page/4");
    for (const path of ["", "/data", "/figures.csv"])
      expect(paths).toContain(`/en/releases/wmc-2023-results-en${path}`);
    expect(paths).not.toContain("/en/releases/wmc-2023-results-en/share.png");
  });

  it("names the English categories with one page more than their English releases fill, and edition years", () => {
    for (const path of [
      "/en/categories/news",
      "/en/categories/results",
      "/en/categories/results/page/2",
      "/en/categories/results/page/3",
      "/en/editions/2023",
    ])
      expect(paths).toContain(path);
    expect(paths).not.toContain("/en/categories/news/page/2");
    expect(paths).not.toContain("/en/categories/results/page/4");
    expect(paths).not.toContain("/en/categories/news/feed.xml");
    expect(paths).not.toContain("/en/releases/wmc-2023-results");
  });

  it("names the lists with one page more than exists, categories with their feeds, home, feeds and sitemaps", () => {
    for (const path of [
      "/",
      "/releases",
      "/api/releases",
      "/feed.xml",
      "/atom.xml",
      "/feed.json",
      "/sitemap.xml",
      "/news-sitemap.xml",
      "/sitemaps/pages.xml",
      "/sitemaps/releases/1.xml",
      "/sitemaps/releases/2.xml",
      "/editions",
    ])
      expect(paths).toContain(path);
    expect(paths).not.toContain("/sitemaps/releases/3.xml");
    expect(paths).toContain("/releases/page/3");
    expect(paths).not.toContain("/releases/page/4");
    expect(paths).toContain("/categories/news/feed.json");
    expect(paths).toContain("/categories/news/page/2");
    expect(paths).not.toContain("/categories/news/page/3");
    expect(paths).toContain("/categories/results/page/4");
    expect(paths).not.toContain("/categories/results/page/5");
  });

  it("names editions and figure data, with keys percent-encoded as a client sends them", () => {
    expect(paths).toContain("/editions/2023");
    expect(paths).toContain("/data/projects/csv");
    expect(paths).toContain("/api/figures/%E7%AD%BE%E7%BA%A6%20%E9%A2%9D");
    expect(new Set(paths).size).toBe(paths.length);
  });
});

describe("HTTP_CACHE_PURGE", () => {
  it("reads kind=url lists", () => {
    expect(
      httpCachePurgeSchema.parse("nginx=http://127.0.0.1:6081/, nginx=https://front.example.org"),
    ).toEqual([
      { kind: "nginx", url: "http://127.0.0.1:6081" },
      { kind: "nginx", url: "https://front.example.org" },
    ]);
    expect(httpCachePurgeSchema.parse(undefined)).toEqual([]);
  });

  it("refuses unknown kinds, non-HTTP URLs and queries with a message that shows the form", () => {
    for (const bad of [
      "varnish=http://x",
      "nginx=ftp://x",
      "nginx=notaurl",
      "http://x",
      "nginx=http://x/?a=1",
    ]) {
      const result = httpCachePurgeSchema.safeParse(bad);
      expect(result.success, bad).toBe(false);
      expect(result.error?.issues[0]?.message).toContain("nginx=http://127.0.0.1:6081");
    }
  });
});

describe("surrogate keys", () => {
  it("give every public address the site key and its own keys, in both header syntaxes", () => {
    const rules = surrogateKeyHeaders();
    const release = rules.find((r) => r.source === "/releases/:slug");
    expect(release?.headers).toEqual([
      { key: "Surrogate-Key", value: "release::slug public" },
      { key: "Cache-Tag", value: "release::slug,public" },
    ]);
    for (const rule of rules)
      for (const key of SITE_SURROGATE_KEYS) expect(rule.headers[0]?.value.split(" ")).toContain(key);
    // The list pages come after the release rule, so /releases/page/2 ends up with the list's keys.
    const sources = rules.map((r) => r.source);
    expect(sources.indexOf("/releases/page/:page")).toBeGreaterThan(sources.indexOf("/releases/:slug"));
  });
});
