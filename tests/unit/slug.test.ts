import { describe, expect, it } from "vitest";
import { firstPageRedirect, parsePageParam } from "@/lib/releases/page-param";
import { isValidSlug, slugify, slugSchema } from "@/lib/releases/slug";

describe("slugs", () => {
  it("accepts lowercase words joined by hyphens", () => {
    expect(isValidSlug("wmc-2023-results")).toBe(true);
    expect(isValidSlug("a")).toBe(true);
  });
  it.each(["", "WMC", "wmc_2023", "-wmc", "wmc-", "wmc--2023", "../etc", "中文", "a".repeat(121), "page"])(
    "rejects %j",
    (slug) => {
      expect(isValidSlug(slug)).toBe(false);
    },
  );
  it("explains what is wrong, in Chinese", () => {
    const result = slugSchema.safeParse("Bad Slug");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toContain("小写字母");
  });
  it("makes slugs from titles", () => {
    expect(slugify("World Manufacturing Convention 2023: Results!")).toBe(
      "world-manufacturing-convention-2023-results",
    );
    expect(slugify("Café déjà vu")).toBe("cafe-deja-vu");
    const day = new Date("2023-09-28T08:00:00Z");
    expect(slugify("2023世界制造业大会创多项历届之“最”", day)).toBe("2023-09-28-2023");
    expect(slugify("大会成果", day)).toBe("release-2023-09-28");
    expect(isValidSlug(slugify("大会成果", day))).toBe(true);
  });
  it("never suggests one of the site's own words: a title 'Page' or 'API' gets a usable slug", () => {
    expect(slugify("Page")).toBe("page-release");
    expect(slugify("API")).toBe("api-release");
    expect(isValidSlug(slugify("New"))).toBe(true);
    expect(slugify("Page two")).toBe("page-two");
  });
  it("reads page numbers from 2 up", () => {
    expect(parsePageParam("2")).toBe(2);
    expect(parsePageParam("1")).toBeNull();
    expect(parsePageParam("0")).toBeNull();
    expect(parsePageParam("02")).toBeNull();
    expect(parsePageParam("abc")).toBeNull();
    expect(parsePageParam("9999999")).toBeNull();
  });
  it("sends a typed page 1 of any list to the list's own address, and nothing else", () => {
    expect(firstPageRedirect("/releases/page/1")).toBe("/releases");
    expect(firstPageRedirect("/en/releases/page/1")).toBe("/en/releases");
    expect(firstPageRedirect("/categories/anhui/page/1")).toBe("/categories/anhui");
    expect(firstPageRedirect("/en/categories/anhui/page/1")).toBe("/en/categories/anhui");
    for (const other of [
      "/releases/page/2",
      "/releases/page/01",
      "/releases/page/1/x",
      "/releases/page/10",
      "/categories/page/1",
      "/categories/a/b/page/1",
      "/en/en/releases/page/1",
      "//evil.example/releases/page/1",
      "/releases/page/1%2f",
    ])
      expect(firstPageRedirect(other), other).toBeNull();
  });
});
