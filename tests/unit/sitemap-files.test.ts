import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { sitemapIndexXml, urlsetXml } from "@/lib/seo/sitemap-files";
import { parseSitemapFile, sitemapFileCount, SITEMAP_URLS_PER_FILE } from "@/lib/seo/sitemap-paths";

const SITE = "https://press.example.org";
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });

describe("sitemap files", () => {
  it("stay within the protocol's 50,000 URLs a file", () => {
    expect(SITEMAP_URLS_PER_FILE).toBeLessThanOrEqual(50_000);
    expect(sitemapFileCount(0)).toBe(1);
    expect(sitemapFileCount(SITEMAP_URLS_PER_FILE)).toBe(1);
    expect(sitemapFileCount(SITEMAP_URLS_PER_FILE + 1)).toBe(2);
    expect(sitemapFileCount(10_000, 3000)).toBe(4);
  });

  it("read file numbers only in their one spelling", () => {
    expect(parseSitemapFile("1.xml")).toBe(1);
    expect(parseSitemapFile("42.xml")).toBe(42);
    for (const bad of ["0.xml", "01.xml", "1", "1.XML", "1.xml.gz", "-1.xml", "1e3.xml", "9999999.xml", ""])
      expect(parseSitemapFile(bad), bad).toBeNull();
  });

  it("write a valid index with one entry per file", () => {
    const xml = sitemapIndexXml(SITE, [
      { path: "/sitemaps/pages.xml", lastModified: "2026-11-01T00:00:00.000Z" },
      { path: "/sitemaps/releases/1.xml", lastModified: null },
    ]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = parser.parse(xml);
    expect(parsed.sitemapindex["@xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    expect(parsed.sitemapindex.sitemap).toEqual([
      { loc: `${SITE}/sitemaps/pages.xml`, lastmod: "2026-11-01T00:00:00.000Z" },
      { loc: `${SITE}/sitemaps/releases/1.xml` },
    ]);
  });

  it("escape what a slug or title could carry and write hreflang alternates", () => {
    const xml = urlsetXml([
      {
        url: `${SITE}/releases/a?b=1&c=<2>`,
        lastModified: "2026-11-01T00:00:00.000Z",
        alternates: { languages: { "zh-CN": `${SITE}/releases/a`, en: `${SITE}/en/releases/a` } },
        changeFrequency: "weekly",
        priority: 0.7,
      },
    ]);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain("&amp;c=&lt;2&gt;");
    const url = parser.parse(xml).urlset.url;
    expect(url.loc).toBe(`${SITE}/releases/a?b=1&c=<2>`);
    expect(url["xhtml:link"]).toEqual([
      { "@rel": "alternate", "@hreflang": "zh-CN", "@href": `${SITE}/releases/a` },
      { "@rel": "alternate", "@hreflang": "en", "@href": `${SITE}/en/releases/a` },
    ]);
    expect(url.lastmod).toBe("2026-11-01T00:00:00.000Z");
  });
});
