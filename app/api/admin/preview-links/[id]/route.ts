// DELETE /api/admin/preview-links/[id] - revoke a reviewer link at once
import { adminRoute } from "@/lib/http/admin-route";
import { revokePreviewLink } from "@/lib/releases/preview";

type Ctx = { params: Promise<{ id: string }> };

export const DELETE = adminRoute<Ctx>(async ({ actor, context }) => {
  await revokePreviewLink(actor, (await context.params).id);
  return { ok: true };
});
