// GET /api/admin/releases/[id]/revisions/[version] - one saved version -> { version, snapshot }
import { adminRoute } from "@/lib/http/admin-route";
import { getRevisionSnapshot } from "@/lib/releases/admin-queries";

type Ctx = { params: Promise<{ id: string; version: string }> };

export const GET = adminRoute<Ctx>(async ({ actor, context }) => {
  const { id, version } = await context.params;
  return getRevisionSnapshot(actor, id, version);
});
