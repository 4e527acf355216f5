// POST /api/admin/releases/[id]/sign-off - a publisher confirms figures as they now stand ({ keys, baseVersion? }) -> { confirmed }
import { adminRoute } from "@/lib/http/admin-route";
import { signOffFigures } from "@/lib/releases/sign-off-figures";

type Ctx = { params: Promise<{ id: string }> };

export const POST = adminRoute<Ctx>(async ({ actor, context, body }) =>
  signOffFigures(actor, (await context.params).id, body),
);
