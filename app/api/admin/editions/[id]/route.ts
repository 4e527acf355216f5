// PATCH /api/admin/editions/[id] - change an edition's year, dates, city, theme, ordinal or sign-off rule
import { updateEdition } from "@/lib/editions/edition-mutations";
import { adminRoute } from "@/lib/http/admin-route";

type Ctx = { params: Promise<{ id: string }> };

export const PATCH = adminRoute<Ctx>(async ({ actor, context, body }) => {
  const edition = await updateEdition(actor, (await context.params).id, body);
  return { id: edition.id, year: edition.year };
});
