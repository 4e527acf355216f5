// POST /api/admin/events - add an event ({ slug, name, nameEn? }); publishers and admins
import { createEvent } from "@/lib/editions/event-mutations";
import { adminRoute } from "@/lib/http/admin-route";

export const POST = adminRoute(async ({ actor, body }) => {
  const event = await createEvent(actor, body);
  return { id: event.id, slug: event.slug };
});
