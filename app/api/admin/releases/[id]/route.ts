// PUT /api/admin/releases/[id] - save a release ({ baseVersion, release, changeNote }) -> { version }; 409 with the newer version on conflict
import { adminRoute } from "@/lib/http/admin-route";
import { saveRelease } from "@/lib/releases/save-release";

type Ctx = { params: Promise<{ id: string }> };

export const PUT = adminRoute<Ctx>(async ({ actor, context, body }) => {
  const saved = await saveRelease(actor, (await context.params).id, body);
  return { version: saved.version, slug: saved.slug };
});
