// POST /api/admin/releases/[id]/transition - submit, publish, schedule, unpublish, archive ({ action, baseVersion, publishAt? (schedule), publishAtSource? "stated"|"now" (publish) })
import { adminRoute } from "@/lib/http/admin-route";
import { transitionRelease } from "@/lib/releases/transition-release";

type Ctx = { params: Promise<{ id: string }> };

export const POST = adminRoute<Ctx>(async ({ actor, context, body }) => {
  const release = await transitionRelease(actor, (await context.params).id, body);
  return { status: release.status, version: release.version, publishAt: release.publishAt };
});
