// POST /api/admin/events/[id]/editions - add an edition (year, dates, city, theme, ordinal) to an event
import { createEdition } from "@/lib/editions/edition-mutations";
import { adminRoute } from "@/lib/http/admin-route";

type Ctx = { params: Promise<{ id: string }> };

export const POST = adminRoute<Ctx>(async ({ actor, context, body }) => {
  const edition = await createEdition(actor, (await context.params).id, body);
  return { id: edition.id, year: edition.year };
});
