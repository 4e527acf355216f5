import { beforeAll, describe, expect, it } from "vitest";
import { listPurgePaths, loadPurgeSnapshot } from "@/lib/cache/purge-paths";
import { listCategoryCounts } from "@/lib/categories/counts";
import { db } from "@/lib/db";
import {
  findEnglishEditionsOfYear,
  findEnglishFigureSeries,
  listEnglishEditions,
} from "@/lib/editions/english-queries";
import { figuresCsvResponse } from "@/lib/figures/figures-csv-response";
import { findEnglishRelease, listEnglishReleases } from "@/lib/releases/english-queries";
import { loadPublicIndex, publicPathExists } from "@/lib/releases/public-index";
import { transitionRelease } from "@/lib/releases/transition-release";
import { seedDatabase } from "@/lib/seed/seed-database";
import { translateRelease } from "@/lib/translations/translate-release";
import { createDraft, createStaff } from "./staff";

// The English edition's category, edition-year and per-release data pages read the same public rows
// as the Chinese ones: the seeded translation of the 2023 results release in category "anhui".
const EN = "wmc-2023-results-en";

beforeAll(async () => {
  await seedDatabase();
});

async function seededEnglish() {
  const found = await findEnglishRelease(EN);
  if (!found || "redirectTo" in found) throw new Error("seeded English release not public");
  return found.release;
}

describe("English category pages", () => {
  it("list the category's English releases under its English name, and nothing of other categories", async () => {
    const page = await listEnglishReleases({ page: 1, categorySlug: "anhui" });
    const seeded = page.items.find((r) => r.slug === EN);
    expect(seeded?.category).toEqual({ slug: "anhui", name: "Anhui news" });
    expect(page.items.every((r) => r.locale === "en")).toBe(true);
    expect((await listEnglishReleases({ page: 1, categorySlug: "no-such-category" })).total).toBe(0);
    expect((await seededEnglish()).category).toEqual({ slug: "anhui", name: "Anhui news" });
  });

  it("fall back to the Chinese name of a category with no English name", async () => {
    const [editor, publisher] = await Promise.all([createStaff("editor"), createStaff("publisher")]);
    const category = await db.category.create({
      data: { slug: `zh-only-${Date.now()}`, name: "仅中文分类" },
    });
    const publish = async (id: string) => {
      const { version } = await db.release.findUniqueOrThrow({ where: { id } });
      await transitionRelease(publisher, id, { action: "publish", baseVersion: version });
    };
    const original = await createDraft(publisher, { categoryId: category.id });
    await publish(original.id);
    const translation = await translateRelease(editor, original.id, {
      action: "create",
      title: "Only Chinese",
    });
    await publish(translation.id);
    const page = await listEnglishReleases({ page: 1, categorySlug: category.slug });
    expect(page.items.map((r) => [r.slug, r.category])).toEqual([
      [translation.slug, { slug: category.slug, name: "仅中文分类" }],
    ]);
    // Its English name, once given, is what English pages show.
    await db.category.update({ where: { id: category.id }, data: { nameEn: "Chinese only" } });
    const named = await listEnglishReleases({ page: 1, categorySlug: category.slug });
    expect(named.items[0].category).toEqual({ slug: category.slug, name: "Chinese only" });
  });

  it("are counted in English releases by the proxy's index, which refuses made-up categories", async () => {
    const counts = await listCategoryCounts();
    const anhui = counts.find((c) => c.slug === "anhui");
    expect(anhui?.releases.en).toBe(
      await db.release.count({ where: { locale: "en", status: "published", category: { slug: "anhui" } } }),
    );
    expect(anhui?.releases.en).toBeGreaterThan(0);
    const index = await loadPublicIndex();
    for (const path of ["/en/categories/anhui", "/en/editions/2023", `/en/releases/${EN}/figures.csv`])
      expect(publicPathExists(path, index), path).toBe(true);
    for (const path of ["/en/categories/made-up", "/en/categories/anhui/page/2", "/en/editions/1999"])
      expect(publicPathExists(path, index), path).toBe(false);
  });
});

describe("English edition pages", () => {
  it("state the year's editions with the event's English name, English releases and English figures", async () => {
    const found = await findEnglishEditionsOfYear(2023);
    const wmc = found?.editions.find((e) => e.event.slug === "wmc");
    expect(wmc?.event.name).toBe("World Manufacturing Convention");
    expect(wmc?.releases.map((r) => r.slug)).toContain(EN);
    expect(wmc?.releases.every((r) => r.locale === "en")).toBe(true);
    expect(wmc?.releaseCount).toBe(wmc?.releases.length);
    const figures = wmc?.figuresByRelease.find((f) => f.release.slug === EN)?.figures ?? [];
    expect(figures).toHaveLength(50);
    expect(figures.find((f) => f.key === "signed_investment")?.display).toBe("342.5 billion yuan");
    expect(wmc?.headline.find((f) => f.key === "signed_investment")?.display).toBe("342.5 billion yuan");
    expect(await findEnglishEditionsOfYear(1999)).toBeNull();
  });

  it("list every edition in English, with no Chinese headline release to link", async () => {
    const { editions } = await listEnglishEditions();
    const wmc = editions.find((e) => e.year === 2023 && e.event.slug === "wmc");
    expect(wmc?.event.name).toBe("World Manufacturing Convention");
    expect(wmc?.headlineRelease).toBeNull();
    expect(wmc?.headline.every((f) => !/[\u4e00-\u9fff]/.test(f.display))).toBe(true);
    const series = await findEnglishFigureSeries("signed_investment");
    expect(series?.series.find((p) => p.edition.year === 2023)?.edition.event.name).toBe(
      "World Manufacturing Convention",
    );
  });
});

describe("an English release's figures as CSV", () => {
  it("has the English labels and wording with the stored values, and no Last-Modified of its own", async () => {
    const release = await seededEnglish();
    const response = figuresCsvResponse(new Request(`http://x/en/releases/${EN}/figures.csv`), release);
    expect(response.headers.get("last-modified")).toBeNull();
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${EN}-figures.csv"`);
    const csv = await response.text();
    const [header, ...rows] = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(header).toBe(
      "key,label,display,value,unit,base_value,base_unit,qualifier,section,highlighted,record,record_note,source_text",
    );
    expect(rows).toHaveLength(50);
    const investment = rows.find((r) => r.startsWith("signed_investment,"));
    expect(investment).toContain("342.5 billion yuan");
    expect(investment).toContain(",3425,");
    expect(rows.find((r) => r.startsWith("guests,"))).toContain("Guests and delegates");
    // A second request with the ETag is answered 304.
    const again = figuresCsvResponse(
      new Request("http://x/", { headers: { "if-none-match": response.headers.get("etag") ?? "" } }),
      release,
    );
    expect(again.status).toBe(304);
  });
});

describe("the purge list", () => {
  it("carries the English category, edition-year and release data addresses", async () => {
    const snapshot = await loadPurgeSnapshot();
    expect(snapshot.categories.find((c) => c.slug === "anhui")?.publicEnglishReleases).toBeGreaterThan(0);
    const paths = await listPurgePaths();
    for (const path of [
      "/en/categories/anhui",
      "/en/editions/2023",
      `/en/releases/${EN}/data`,
      `/en/releases/${EN}/figures.csv`,
    ])
      expect(paths, path).toContain(path);
  });
});
