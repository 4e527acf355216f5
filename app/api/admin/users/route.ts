// POST /api/admin/users - add a staff account ({ email, name, role, password }); admins only
import { adminRoute } from "@/lib/http/admin-route";
import { createUser } from "@/lib/users/user-mutations";

export const POST = adminRoute(async ({ actor, body }) => {
  const user = await createUser(actor, body);
  return { id: user.id, email: user.email, role: user.role };
});
