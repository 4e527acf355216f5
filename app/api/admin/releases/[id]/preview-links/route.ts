// POST /api/admin/releases/[id]/preview-links - a reviewer link ({ hours }) -> { url, expiresAt }
import { getConfig } from "@/lib/config";
import { adminRoute } from "@/lib/http/admin-route";
import { createPreviewLink } from "@/lib/releases/preview";

type Ctx = { params: Promise<{ id: string }> };

export const POST = adminRoute<Ctx>(async ({ actor, context, body }) => {
  const link = await createPreviewLink(actor, (await context.params).id, body ?? {});
  return { id: link.id, url: `${getConfig().siteUrl}/preview/${link.token}`, expiresAt: link.expiresAt };
});
