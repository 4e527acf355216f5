// POST /api/admin/releases/[id]/autosave - keep unsaved typing ({ baseVersion, data }) -> { savedAt }
import { adminRoute } from "@/lib/http/admin-route";
import { autosaveRelease } from "@/lib/releases/autosave-release";

type Ctx = { params: Promise<{ id: string }> };

export const POST = adminRoute<Ctx>(async ({ actor, context, body }) =>
  autosaveRelease(actor, (await context.params).id, body),
);
