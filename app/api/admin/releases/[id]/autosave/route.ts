// POST /api/admin/releases/[id]/autosave - keep unsaved typing ({ baseVersion, data }) -> { savedAt }
// DELETE /api/admin/releases/[id]/autosave - drop one's own unsaved copy once discarded or ignored ({ work: [form, …] }) -> { discarded }
import { adminRoute } from "@/lib/http/admin-route";
import { autosaveRelease, discardAutosave } from "@/lib/releases/autosave-release";

type Ctx = { params: Promise<{ id: string }> };

export const POST = adminRoute<Ctx>(async ({ actor, context, body }) =>
  autosaveRelease(actor, (await context.params).id, body),
);

export const DELETE = adminRoute<Ctx>(async ({ actor, context, body }) =>
  discardAutosave(actor, (await context.params).id, body),
);
