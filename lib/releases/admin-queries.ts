import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { ReleaseStatus } from "../generated/prisma/enums";
import { db } from "../db";
import { embargoedReleaseWhere, publicReleaseWhere } from "../publication/visibility";
import { requirePermission, type Actor } from "../auth/actor";
import { AppError } from "../errors";
import { editingSnapshot } from "../publication/editing-snapshot";
import { releaseSnapshotSchema } from "./snapshot";
import { searchReleasesForStaff } from "../search/search-releases";

// Reads of the editorial area: uncached, every status, always behind a permission check.

/**
 * The admin list, or why its search could not run now (timed out, the search connections busy):
 * the page says so by the search box instead of failing whole.
 */
export async function listReleasesOrProblem(
  actor: Actor | null,
  input: { status?: ReleaseStatus; q?: string; take?: number },
): Promise<{ rows: Awaited<ReturnType<typeof listReleasesForStaff>>; problem: string | null }> {
  try {
    return { rows: await listReleasesForStaff(actor, input), problem: null };
  } catch (error) {
    if (input.q && error instanceof AppError && error.code === "unavailable")
      return { rows: [], problem: error.message };
    throw error;
  }
}

/** Every release for staff, newest change first; with a query, the search engine's matches in its order (lib/search/). */
export async function listReleasesForStaff(
  actor: Actor | null,
  input: { status?: ReleaseStatus; q?: string; take?: number } = {},
) {
  requirePermission(actor, "release.edit");
  const take = input.take ?? 100;
  const matches = input.q
    ? (await searchReleasesForStaff(actor, { q: input.q, status: input.status, limit: take })).hits.map(
        (h) => h.id,
      )
    : null;
  const where: Prisma.ReleaseWhereInput = matches
    ? { id: { in: matches } }
    : input.status
      ? { status: input.status }
      : {};
  const rows = await db.release.findMany({
    where,
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      publishAt: true,
      updatedAt: true,
      version: true,
      pendingRevisionId: true,
      category: { select: { name: true } },
    },
    orderBy: { updatedAt: "desc" },
    take,
  });
  if (!matches) return rows;
  const rank = new Map(matches.map((id, i) => [id, i]));
  return rows.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
}

export async function getDashboard(actor: Actor | null) {
  requirePermission(actor, "release.edit");
  const pick = (where: Prisma.ReleaseWhereInput, orderBy: Prisma.ReleaseOrderByWithRelationInput) =>
    db.release.findMany({
      where,
      orderBy,
      take: 8,
      select: {
        id: true,
        title: true,
        status: true,
        publishAt: true,
        updatedAt: true,
        pendingRevisionId: true,
      },
    });
  const [drafts, inReview, scheduled, published] = await Promise.all([
    pick({ status: "draft" }, { updatedAt: "desc" }),
    // Waiting for a publisher: drafts submitted for review, and edits of live releases.
    pick({ OR: [{ status: "in_review" }, { pendingRevisionId: { not: null } }] }, { updatedAt: "desc" }),
    pick(embargoedReleaseWhere(), { publishAt: "asc" }),
    pick(publicReleaseWhere(), { publishAt: "desc" }),
  ]);
  return { drafts, inReview, scheduled, published };
}

export async function getReleaseForEditing(actor: Actor | null, releaseId: string) {
  const user = requirePermission(actor, "release.edit");
  const release = await db.release.findUnique({
    where: { id: releaseId },
    include: { slugRedirects: { select: { slug: true }, orderBy: { createdAt: "desc" } } },
  });
  if (!release) throw new AppError("not_found", "未找到该稿件");
  // The editor starts from the same snapshot a revision stores (the pending one, if any): one mapping for both.
  const snapshot = await db.$transaction((tx) => editingSnapshot(tx, releaseId));
  const autosave = await db.autosave.findUnique({
    where: { releaseId_userId: { releaseId, userId: user.id } },
  });
  return { release, snapshot, autosave };
}

export async function listRevisions(actor: Actor | null, releaseId: string) {
  requirePermission(actor, "release.edit");
  return db.revision.findMany({
    where: { releaseId },
    orderBy: { version: "desc" },
    select: {
      id: true,
      version: true,
      action: true,
      note: true,
      createdAt: true,
      author: { select: { name: true, email: true } },
    },
  });
}

/**
 * One saved version of a release, for the editor: unsaved work made against it is merged from it
 * (a version number that is not one, or that the release never had, is a 404).
 */
export async function getRevisionSnapshot(actor: Actor | null, releaseId: string, version: string) {
  requirePermission(actor, "release.edit");
  const row = /^[1-9]\d{0,8}$/.test(version)
    ? await db.revision.findUnique({ where: { releaseId_version: { releaseId, version: Number(version) } } })
    : null;
  if (!row) throw new AppError("not_found", "未找到该版本");
  return { version: row.version, snapshot: releaseSnapshotSchema.parse(row.snapshot) };
}

export async function getRevisionSnapshots(
  actor: Actor | null,
  releaseId: string,
  versions: [number, number],
) {
  requirePermission(actor, "release.edit");
  const rows = await db.revision.findMany({ where: { releaseId, version: { in: versions } } });
  const find = (v: number) => {
    const row = rows.find((r) => r.version === v);
    if (!row) throw new AppError("not_found", `未找到第 ${v} 版`);
    return {
      version: row.version,
      createdAt: row.createdAt,
      snapshot: releaseSnapshotSchema.parse(row.snapshot),
    };
  };
  return [find(versions[0]), find(versions[1])] as const;
}

export async function listEditorOptions(actor: Actor | null) {
  requirePermission(actor, "release.edit");
  const [categories, editions] = await Promise.all([
    db.category.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, name: true } }),
    db.edition.findMany({
      orderBy: { year: "desc" },
      select: { id: true, year: true, city: true, event: { select: { name: true } } },
    }),
  ]);
  return { categories, editions };
}
