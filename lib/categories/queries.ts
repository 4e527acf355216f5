import "server-only";
import { db } from "../db";
import { cachedLookup, cachedQuery } from "../cache/cached-query";
import { publicReleaseWhere } from "../publication/visibility";

export interface PublicCategory {
  slug: string;
  name: string;
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
    description: c.description,
    releaseCount: c._count.releases,
  }));
}

export async function findCategory(slug: string): Promise<PublicCategory | null> {
  return (await listCategories()).find((c) => c.slug === slug) ?? null;
}

export const getCategories = cachedQuery("categories", listCategories);
export const getCategory = cachedLookup("category", findCategory);
