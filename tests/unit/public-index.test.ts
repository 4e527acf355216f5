import { describe, expect, it } from "vitest";
import { publicPathExists } from "@/lib/releases/public-index";

// 25 public releases (3 list pages of 12), category "anhui" with 13 (2 pages), "empty" with none.
const index = {
  releases: new Set(["wmc-2023-results", "other", "wmc-2023-results-en"]),
  englishReleases: new Set(["wmc-2023-results-en"]),
  // 13 public English releases: 2 list pages.
  englishReleaseCount: 13,
  categories: new Map([
    ["anhui", 13],
    ["empty", 0],
  ]),
  // English releases per category: "anhui" has 1 (one page), "empty" none.
  englishCategories: new Map([
    ["anhui", 1],
    ["empty", 0],
  ]),
  releaseCount: 25,
  editionYears: new Set(["2023", "2019"]),
  figureKeys: new Set(["signed_projects", "exhibitors"]),
  loadedAt: 0,
};
const exists = (p: string) => publicPathExists(p, index);

describe("addresses a client may name", () => {
  it("knows public releases and nothing else", () => {
    for (const p of [
      "/releases/wmc-2023-results",
      "/releases/wmc-2023-results/data",
      "/releases/other/share.png",
      "/api/releases/other",
      "/api/releases/other/views",
    ])
      expect(exists(p), p).toBe(true);
    for (const p of [
      "/releases/x3f9722872f5f",
      "/releases/draft-one/data",
      "/api/releases/nope",
      "/releases/%ZZ",
      "/api/releases/Bad_Slug",
    ])
      expect(exists(p), p).toBe(false);
  });

  it("knows sitemap files up to the last one (25 releases: one file), and no other spelling", () => {
    expect(exists("/sitemaps/releases/1.xml")).toBe(true);
    expect(exists("/sitemaps/pages.xml")).toBe(true);
    for (const p of [
      "/sitemaps/releases/2.xml",
      "/sitemaps/releases/0.xml",
      "/sitemaps/releases/01.xml",
      "/sitemaps/releases/1",
      "/sitemaps/releases/1.xml/x",
      "/sitemaps/releases/9999999.xml",
      "/sitemaps/releases/-1.xml",
      "/sitemaps/releases/%31.xml",
    ])
      expect(exists(p), p).toBe(false);
    const big = { ...index, releaseCount: 10_001 };
    expect(publicPathExists("/sitemaps/releases/3.xml", big)).toBe(true);
    expect(publicPathExists("/sitemaps/releases/4.xml", big)).toBe(false);
  });

  it("knows list pages up to the last one", () => {
    expect(exists("/releases/page/2")).toBe(true);
    expect(exists("/releases/page/3")).toBe(true);
    for (const p of [
      "/releases/page/4",
      "/releases/page/99999",
      "/releases/page/1",
      "/releases/page/02",
      "/releases/page/2/x",
      "/releases/page/abc",
    ])
      expect(exists(p), p).toBe(false);
  });

  it("knows categories and their pages", () => {
    for (const p of [
      "/categories/anhui",
      "/categories/anhui/feed.xml",
      "/categories/anhui/page/2",
      "/categories/empty",
    ])
      expect(exists(p), p).toBe(true);
    for (const p of [
      "/categories/nope",
      "/categories/nope/feed.xml",
      "/categories/anhui/page/3",
      "/categories/empty/page/2",
    ])
      expect(exists(p), p).toBe(false);
  });

  it("leaves other paths alone", () => {
    for (const p of ["/", "/releases", "/api/releases", "/admin/releases/1", "/feed.xml"])
      expect(exists(p), p).toBe(true);
  });

  it("knows edition years and figure keys with public data, and nothing else under them", () => {
    for (const p of [
      "/editions/2023",
      "/editions/2019",
      "/data/signed_projects",
      "/data/exhibitors/csv",
      "/api/figures/signed_projects",
    ])
      expect(exists(p), p).toBe(true);
    for (const p of [
      "/editions/2024",
      "/editions/02023",
      "/editions/2023/x",
      "/editions/%ZZ",
      "/data/made_up_key",
      "/data/signed_projects/json",
      "/data/signed_projects/csv/x",
      "/data/Signed_Projects",
      "/api/figures/made_up_key",
      "/api/figures/signed_projects/x",
    ])
      expect(exists(p), p).toBe(false);
  });
});

describe("addresses of the English edition", () => {
  it("knows an English release's data page and CSV, nothing else under it", () => {
    for (const p of ["/en/releases/wmc-2023-results-en/data", "/en/releases/wmc-2023-results-en/figures.csv"])
      expect(exists(p), p).toBe(true);
    for (const p of [
      "/en/releases/wmc-2023-results-en/share.png",
      "/en/releases/wmc-2023-results-en/data/x",
      "/en/releases/wmc-2023-results/data",
      "/en/releases/wmc-2023-results/figures.csv",
      "/en/releases/made-up/figures.csv",
    ])
      expect(exists(p), p).toBe(false);
  });

  it("knows categories with pages counted in English releases, and edition years", () => {
    const many = { ...index, englishCategories: new Map([["anhui", 25]]) };
    for (const p of [
      "/en/categories/anhui",
      "/en/categories/empty",
      "/en/editions/2023",
      "/en/editions/2019",
    ])
      expect(exists(p), p).toBe(true);
    for (const p of [
      "/en/categories/made-up",
      "/en/categories/%ZZ",
      "/en/categories/Anhui",
      // 13 Chinese releases make a page 2 in Chinese only: 1 English release is one page.
      "/en/categories/anhui/page/2",
      "/en/categories/anhui/page/1",
      "/en/categories/anhui/page/02",
      "/en/categories/empty/page/2",
      "/en/categories/anhui/page/2/x",
      // Category feeds are Chinese only.
      "/en/categories/anhui/feed.xml",
      "/en/categories/anhui/x",
      "/en/editions/2024",
      "/en/editions/02023",
      "/en/editions/2023/x",
      "/en/editions/%ZZ",
    ])
      expect(exists(p), p).toBe(false);
    expect(publicPathExists("/en/categories/anhui/page/3", many)).toBe(true);
    expect(publicPathExists("/en/categories/anhui/page/4", many)).toBe(false);
    expect(publicPathExists("/en/categories/empty", many)).toBe(false);
  });

  it("knows English release slugs, English list pages and figure keys, nothing else", () => {
    for (const p of [
      "/en/releases/wmc-2023-results-en",
      "/en/releases/page/2",
      "/en/data/signed_projects",
      "/en",
      "/en/releases",
      "/en/editions",
      "/en/feed.xml",
    ])
      expect(exists(p), p).toBe(true);
    for (const p of [
      // A Chinese release has no English page of its own slug.
      "/en/releases/wmc-2023-results",
      "/en/releases/x3f9722872f5f",
      "/en/releases/page/3",
      "/en/releases/page/1",
      "/en/releases/page/99999",
      "/en/data/no_such_key",
      "/en/data/signed_projects/csv",
      "/en/releases/%ZZ",
    ])
      expect(exists(p), p).toBe(false);
  });
});
