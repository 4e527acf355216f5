// POST /api/admin/releases/[id]/restore - restore a revision as a new one ({ revisionId, baseVersion })
import { adminRoute } from "@/lib/http/admin-route";
import { restoreRevision } from "@/lib/releases/restore-revision";

type Ctx = { params: Promise<{ id: string }> };

export const POST = adminRoute<Ctx>(async ({ actor, context, body }) => {
  const saved = await restoreRevision(actor, (await context.params).id, body);
  return { version: saved.version };
});
