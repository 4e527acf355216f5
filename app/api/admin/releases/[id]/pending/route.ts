// POST /api/admin/releases/[id]/pending - a publisher's decision on pending changes: { decision: "publish", baseVersion, changeNote } or { decision: "return", baseVersion, note }
import { AppError } from "@/lib/errors";
import { adminRoute } from "@/lib/http/admin-route";
import { publishPendingChanges, returnPendingChanges } from "@/lib/publication/pending-changes";

type Ctx = { params: Promise<{ id: string }> };

export const POST = adminRoute<Ctx>(async ({ actor, context, body }) => {
  const id = (await context.params).id;
  const decision =
    typeof body === "object" && body !== null && "decision" in body ? body.decision : undefined;
  if (decision === "publish") return { version: (await publishPendingChanges(actor, id, body)).version };
  if (decision === "return") return { version: (await returnPendingChanges(actor, id, body)).version };
  throw new AppError("bad_request", "decision 须为 publish 或 return");
});
