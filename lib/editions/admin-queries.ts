import "server-only";
import { db } from "../db";
import { requirePermission, type Actor } from "../auth/actor";

/** Events with their editions (newest first) and how many releases each edition has, for the admin page. */
export async function listEventsForAdmin(actor: Actor | null) {
  requirePermission(actor, "edition.manage");
  const events = await db.event.findMany({
    orderBy: { createdAt: "asc" },
    include: {
      editions: { orderBy: { year: "desc" }, include: { _count: { select: { releases: true } } } },
    },
  });
  return events.map((e) => ({
    id: e.id,
    slug: e.slug,
    name: e.name,
    nameEn: e.nameEn,
    editions: e.editions.map((ed) => ({
      id: ed.id,
      year: ed.year,
      ordinal: ed.ordinal,
      startDate: ed.startDate.toISOString().slice(0, 10),
      endDate: ed.endDate.toISOString().slice(0, 10),
      city: ed.city,
      theme: ed.theme,
      signOffRequired: ed.signOffRequired,
      releaseCount: ed._count.releases,
    })),
  }));
}

export type AdminEvent = Awaited<ReturnType<typeof listEventsForAdmin>>[number];
