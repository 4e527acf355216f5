// PATCH /api/admin/users/[id] - change role, password or active ({ role?, active?, password? }); ends their sessions
import { adminRoute } from "@/lib/http/admin-route";
import { updateUser } from "@/lib/users/user-mutations";

type Ctx = { params: Promise<{ id: string }> };

export const PATCH = adminRoute<Ctx>(async ({ actor, context, body }) => {
  const user = await updateUser(actor, (await context.params).id, body);
  return { id: user.id, role: user.role, active: user.active };
});
