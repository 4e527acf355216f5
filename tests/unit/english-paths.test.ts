import { describe, expect, it } from "vitest";
import { editionLine } from "@/lib/editions/edition-line";
import { parseEditionYear } from "@/lib/editions/year-param";
import { localizedName } from "@/lib/i18n/localized-name";
import { getMessages } from "@/lib/i18n/messages";
import { counterpartPath } from "@/lib/i18n/paths";
import { listPageHref } from "@/lib/releases/page-param";
import { pageAlternates } from "@/lib/seo/alternates";
import { releaseListMetadata } from "@/lib/seo/list-metadata";

// The English edition's category and edition-year pages: their addresses, their twins in the other
// language, and how they name things in English.

describe("counterpartPath", () => {
  it("links category pages and edition years to the same page of the other edition", () => {
    expect(counterpartPath("/categories/anhui")).toEqual({ locale: "en", path: "/en/categories/anhui" });
    expect(counterpartPath("/en/categories/anhui")).toEqual({ locale: "zh-CN", path: "/categories/anhui" });
    expect(counterpartPath("/editions/2023")).toEqual({ locale: "en", path: "/en/editions/2023" });
    expect(counterpartPath("/en/editions/2023")).toEqual({ locale: "zh-CN", path: "/editions/2023" });
    expect(counterpartPath("/search")).toEqual({ locale: "en", path: "/en/search" });
    expect(counterpartPath("/en/search")).toEqual({ locale: "zh-CN", path: "/search" });
  });

  it("sends a numbered category page to the other edition's first page (it may have fewer)", () => {
    expect(counterpartPath("/categories/anhui/page/3")).toEqual({
      locale: "en",
      path: "/en/categories/anhui",
    });
    expect(counterpartPath("/en/categories/anhui/page/2")).toEqual({
      locale: "zh-CN",
      path: "/categories/anhui",
    });
  });

  it("sends pages only one edition has to the other home", () => {
    for (const [from, to] of [
      ["/categories/anhui/feed.xml", "/en"],
      ["/editions/2023/x", "/en"],
      ["/editions/abcd", "/en"],
      ["/search/x", "/en"],
      ["/en/releases/page/2", "/"],
    ])
      expect(counterpartPath(from).path, from).toBe(to);
  });
});

describe("listPageHref", () => {
  it("builds list page URLs of either edition, page 1 at the list's own URL", () => {
    expect(listPageHref("zh-CN", "/releases")(1)).toBe("/releases");
    expect(listPageHref("zh-CN", "/releases")(2)).toBe("/releases/page/2");
    expect(listPageHref("en", "/releases")(1)).toBe("/en/releases");
    expect(listPageHref("en", "/categories/anhui")(3)).toBe("/en/categories/anhui/page/3");
  });
});

describe("English names", () => {
  it("use the English name, the Chinese one while that is empty or blank", () => {
    expect(localizedName({ name: "安徽省资讯", nameEn: "Anhui news" }, "en")).toBe("Anhui news");
    expect(localizedName({ name: "安徽省资讯", nameEn: "   " }, "en")).toBe("安徽省资讯");
    expect(localizedName({ name: "安徽省资讯", nameEn: null }, "en")).toBe("安徽省资讯");
    expect(localizedName({ name: "安徽省资讯", nameEn: "Anhui news" }, "zh-CN")).toBe("安徽省资讯");
  });

  it("leave the Chinese-only city and theme out of an English edition line", () => {
    const edition = {
      year: 2023,
      ordinal: 6,
      city: "合肥",
      theme: "智造世界·创造美好",
      startDate: "2023-09-20",
      endDate: "2023-09-24",
      event: { slug: "wmc", name: "World Manufacturing Convention" },
    };
    expect(editionLine(edition, getMessages("en"))).toBe("No. 6 · 2023-09-20 to 2023-09-24");
    expect(editionLine(edition, getMessages())).toBe(
      "第6届 · 2023-09-20 至 2023-09-24 · 合肥 · “智造世界·创造美好”",
    );
  });

  it("accept edition years only as four digits from 1900 to 2299", () => {
    expect(parseEditionYear("2023")).toBe(2023);
    for (const bad of ["02023", "2300", "1899", "20x3", "", "2023 ", "%32023", "9".repeat(400)])
      expect(parseEditionYear(bad), bad).toBeNull();
  });
});

describe("alternates of category pages", () => {
  const category = { slug: "anhui", name: "安徽省资讯", nameEn: "Anhui news", description: "安徽省相关新闻" };

  it("pair the Chinese and English category pages, with the category feeds on the Chinese one only", () => {
    const zh = releaseListMetadata("zh-CN", { category });
    expect(zh.title).toBe("安徽省资讯");
    expect(zh.description).toBe("安徽省相关新闻");
    expect(zh.alternates?.languages).toEqual({
      "zh-CN": "/categories/anhui",
      en: "/en/categories/anhui",
      "x-default": "/categories/anhui",
    });
    expect(JSON.stringify(zh.alternates?.types)).toContain("/categories/anhui/feed.xml");

    const en = releaseListMetadata("en", { category });
    expect(en.title).toBe("Anhui news");
    expect(en.description).toBeUndefined();
    expect(en.alternates?.canonical).toBe("/en/categories/anhui");
    expect(en.alternates?.languages).toEqual(zh.alternates?.languages);
    expect(JSON.stringify(en.alternates?.types)).not.toContain("/categories/");
    expect(JSON.stringify(en.alternates?.types)).toContain("/en/feed.xml");
  });

  it("give numbered pages their own canonical and no hreflang twin; a malformed page number only a title", () => {
    const page = releaseListMetadata("en", { category, page: "2" });
    expect(page.title).toBe("Anhui news · Page 2");
    expect(page.alternates?.canonical).toBe("/en/categories/anhui/page/2");
    expect(page.alternates?.languages).toBeUndefined();
    expect(releaseListMetadata("zh-CN", { page: "0x1" })).toEqual({ title: "新闻发布" });
  });

  it("give an English release no Chinese category feed", () => {
    const types = JSON.stringify(
      pageAlternates("/en/releases/x", { slug: "anhui", name: "Anhui news" }).types,
    );
    expect(types).not.toContain("/categories/anhui");
  });
});
