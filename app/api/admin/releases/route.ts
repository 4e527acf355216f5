// POST /api/admin/releases - create a draft ({ title, ... }) -> { id }
import { adminRoute } from "@/lib/http/admin-route";
import { createRelease } from "@/lib/releases/create-release";

export const POST = adminRoute(async ({ actor, body }) => {
  const release = await createRelease(actor, body);
  return { id: release.id, version: release.version };
});
