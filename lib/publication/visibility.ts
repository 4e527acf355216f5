import type { Prisma } from "../generated/prisma/client";
import type { ReleaseStatus } from "../generated/prisma/enums";

/**
 * The one definition of what readers may see: a release that is published, or scheduled and its
 * publish time has passed, decided at read time (no missed job can hide a scheduled release or show
 * it early). Archived releases and drafts never are. Three forms of the same rule, for Prisma
 * queries, raw SQL (visibility-sql.ts, kept apart because client components import this file) and
 * plain objects; tests/integration/visibility.test.ts runs all three on one table of cases.
 */
export const LIVE_STATUSES = ["published", "scheduled"] as const satisfies readonly ReleaseStatus[];

export function publicReleaseWhere(now: Date = new Date()): Prisma.ReleaseWhereInput {
  return { status: { in: [...LIVE_STATUSES] }, publishAt: { lte: now } };
}

export function isPublic(
  release: { status: ReleaseStatus; publishAt: Date | null },
  now: Date = new Date(),
): boolean {
  return isLive(release) && release.publishAt !== null && release.publishAt <= now;
}

/** Published or scheduled: what readers see now or will see without anyone acting again. */
export function isLive(release: { status: ReleaseStatus }): boolean {
  return (LIVE_STATUSES as readonly ReleaseStatus[]).includes(release.status);
}

/** Scheduled and still waiting: live later, not yet. */
export function isEmbargoed(
  release: { status: ReleaseStatus; publishAt: Date | null },
  now: Date = new Date(),
): boolean {
  return release.status === "scheduled" && release.publishAt !== null && release.publishAt > now;
}

/**
 * Whether readers have ever been able to see the release. publishedAt is its first public moment
 * (set by publish, or by schedule to the moment it comes due, cleared when it leaves the live
 * states before that moment), so an embargoed release was never public: editing it needs no public
 * change note, its old slugs are not reserved, and it can still be deleted.
 */
export function wasPublic(release: { publishedAt: Date | null }, now: Date = new Date()): boolean {
  return release.publishedAt !== null && release.publishedAt <= now;
}

export function embargoedReleaseWhere(now: Date = new Date()): Prisma.ReleaseWhereInput {
  return { status: "scheduled", publishAt: { gt: now } };
}
