// PATCH /api/admin/figure-keys/[key] - edit a registry entry (label, labelEn, kind, higherIsBetter, baseUnit while unused)
import { updateFigureKey } from "@/lib/figures/registry-mutations";
import { adminRoute } from "@/lib/http/admin-route";

type Ctx = { params: Promise<{ key: string }> };

export const PATCH = adminRoute<Ctx>(async ({ actor, context, body }) => {
  const entry = await updateFigureKey(actor, (await context.params).key, body);
  return { key: entry.key };
});
