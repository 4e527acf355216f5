// POST /api/admin/figure-keys/[key]/merge - merge this key into another ({ into }); its figures and labels move there
import { mergeFigureKeys } from "@/lib/figures/registry-mutations";
import { adminRoute } from "@/lib/http/admin-route";

type Ctx = { params: Promise<{ key: string }> };

export const POST = adminRoute<Ctx>(async ({ actor, context, body }) => {
  const entry = await mergeFigureKeys(actor, (await context.params).key, body);
  return { key: entry.key, aliases: entry.aliases };
});
