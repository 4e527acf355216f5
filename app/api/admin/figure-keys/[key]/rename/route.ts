// POST /api/admin/figure-keys/[key]/rename - give a key a new name ({ to }); its figures follow
import { renameFigureKey } from "@/lib/figures/registry-mutations";
import { adminRoute } from "@/lib/http/admin-route";

type Ctx = { params: Promise<{ key: string }> };

export const POST = adminRoute<Ctx>(async ({ actor, context, body }) => {
  const entry = await renameFigureKey(actor, (await context.params).key, body);
  return { key: entry.key };
});
