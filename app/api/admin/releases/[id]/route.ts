// PUT /api/admin/releases/[id] - save a release ({ baseVersion, release, changeNote }) -> { version, slug, pending }; 409 with the newer version on conflict
// DELETE /api/admin/releases/[id] - delete a never-published release ({ baseVersion })
import { adminRoute } from "@/lib/http/admin-route";
import { deleteRelease } from "@/lib/releases/delete-release";
import { saveRelease } from "@/lib/releases/save-release";

type Ctx = { params: Promise<{ id: string }> };

export const PUT = adminRoute<Ctx>(async ({ actor, context, body }) => {
  const saved = await saveRelease(actor, (await context.params).id, body);
  return { version: saved.version, slug: saved.slug, pending: saved.pending };
});

export const DELETE = adminRoute<Ctx>(async ({ actor, context, body }) => {
  await deleteRelease(actor, (await context.params).id, body);
  return { ok: true };
});
