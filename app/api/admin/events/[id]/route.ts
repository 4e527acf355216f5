// PATCH /api/admin/events/[id] - change an event's slug, name or English name; publishers and admins
import { updateEvent } from "@/lib/editions/event-mutations";
import { adminRoute } from "@/lib/http/admin-route";

type Ctx = { params: Promise<{ id: string }> };

export const PATCH = adminRoute<Ctx>(async ({ actor, context, body }) => {
  const event = await updateEvent(actor, (await context.params).id, body);
  return { id: event.id, slug: event.slug };
});
