// DELETE /api/admin/slugs - release an old slug of a published release ({ slug }): it stops redirecting and becomes free
import { adminRoute } from "@/lib/http/admin-route";
import { releaseRetiredSlug } from "@/lib/publication/release-slug";

export const DELETE = adminRoute(async ({ actor, body }) => releaseRetiredSlug(actor, body));
