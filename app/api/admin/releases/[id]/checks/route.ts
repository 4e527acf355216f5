// GET /api/admin/releases/[id]/checks - record claims, consistency checks and sign-off status of what is being edited
import { adminRoute } from "@/lib/http/admin-route";
import { getReleaseChecks } from "@/lib/releases/figure-checks";

type Ctx = { params: Promise<{ id: string }> };

export const GET = adminRoute<Ctx>(async ({ actor, context }) =>
  getReleaseChecks(actor, (await context.params).id),
);
