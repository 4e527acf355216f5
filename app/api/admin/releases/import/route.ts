// POST /api/admin/releases/import - create a draft from the accepted proposal ({ release, editionId, figures }) -> { id }
import { adminRoute } from "@/lib/http/admin-route";
import { createDraftFromImport } from "@/lib/import/import-release";

export const POST = adminRoute(async ({ actor, body }) => {
  const release = await createDraftFromImport(actor, body);
  return { id: release.id, version: release.version };
});
