import "server-only";
import type { db, Tx } from "../db";
import { AppError } from "../errors";
import { SLUG_MAX_LENGTH } from "../releases/slug";

/**
 * Who owns an address. A slug is either some release's current slug or a retired slug of a
 * published release (answered with a 301), never both: a retired slug stays reserved for its
 * release until a publisher releases it (lib/publication/release-slug.ts). So the proxy's map of
 * old slugs, the pages and the API can never disagree about which release an address means.
 */
export type SlugOwner = { kind: "current"; releaseId: string } | { kind: "retired"; releaseId: string };

/**
 * Holds the slug for this transaction: a concurrent save or create that wants it waits here and
 * then sees this one's row, so two automatic slugs never collide and a slug is never both.
 */
async function claimSlug(tx: Tx, slug: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`slug:${slug}`}))`;
}

/** The one slug resolver: the pages, the API, the CSV and share image (through findPublishedRelease) and saves ask it. */
export async function findSlugOwner(tx: Tx | typeof db, slug: string): Promise<SlugOwner | null> {
  const current = await tx.release.findUnique({ where: { slug }, select: { id: true } });
  if (current) return { kind: "current", releaseId: current.id };
  const retired = await tx.slugRedirect.findUnique({ where: { slug }, select: { releaseId: true } });
  return retired ? { kind: "retired", releaseId: retired.releaseId } : null;
}

/** Refuses a slug that another release uses now or used while public; the field message says which. */
export async function assertSlugAvailable(tx: Tx, slug: string, releaseId: string | null, path = "slug") {
  await claimSlug(tx, slug);
  const owner = await findSlugOwner(tx, slug);
  if (!owner || owner.releaseId === releaseId) return;
  const message =
    owner.kind === "current"
      ? `别名“${slug}”已被使用，请换一个`
      : `别名“${slug}”是另一篇已发布稿件的旧地址（仍跳转到该稿件），请换一个，或请发布人先释放该别名`;
  throw new AppError("conflict", message, {
    fields: [{ path, message: owner.kind === "current" ? "该别名已被使用" : "该别名为已发布稿件的旧地址" }],
  });
}

/** The slug itself when free, otherwise the first free `slug-2`, `slug-3` …: automatic slugs never conflict. */
export async function freeSlug(tx: Tx, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : `-${n}`;
    const candidate = base.slice(0, SLUG_MAX_LENGTH - suffix.length).replace(/-+$/, "") + suffix;
    await claimSlug(tx, candidate);
    if (!(await findSlugOwner(tx, candidate))) return candidate;
  }
}
