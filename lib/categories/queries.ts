import "server-only";
import { db } from "../db";
import { cachedLookup, cachedQuery } from "../cache/cached-query";
import { publicReleaseWhere } from "../publication/visibility";
import { isValidSlug } from "../releases/slug";

export interface PublicCategory {
  slug: string;
  name: string;
  nameEn: string | null;
  description: string | null;
  releaseCount: number;
}

export async function listCategories(): Promise<PublicCategory[]> {
  const rows = await db.category.findMany({
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    include: { _count: { select: { releases: { where: publicReleaseWhere() } } } },
  });
  return rows.map((c) => ({
    slug: c.slug,
    name: c.name,
    nameEn: c.nameEn,
    description: c.description,
    releaseCount: c._count.releases,
  }));
}

export async function findCategory(slug: string): Promise<PublicCategory | null> {
  return (await listCategories()).find((c) => c.slug === slug) ?? null;
}

export const getCategories = cachedQuery("categories", listCategories);
export const getCategory = cachedLookup("category", findCategory);

/** The category of a page's address segment; null for any slug no category has. */
export async function categoryOfPath(slug: string): Promise<PublicCategory | null> {
  return isValidSlug(slug) ? getCategory(slug) : null;
}
