import "server-only";
import { db } from "../db";
import { publicReleaseWhere } from "../publication/visibility";

// Kept free of Next's cache so the proxy's public index can load it.

/** Every category with its public releases counted per language (each language lists its own). */
export async function listCategoryCounts() {
  const [categories, counts] = await Promise.all([
    db.category.findMany({ select: { id: true, slug: true } }),
    db.release.groupBy({
      by: ["categoryId", "locale"],
      where: { ...publicReleaseWhere(), categoryId: { not: null } },
      _count: { _all: true },
    }),
  ]);
  const count = (categoryId: string, locale: string) =>
    counts.find((c) => c.categoryId === categoryId && c.locale === locale)?._count._all ?? 0;
  return categories.map((c) => ({
    slug: c.slug,
    releases: { "zh-CN": count(c.id, "zh-CN"), en: count(c.id, "en") },
  }));
}
