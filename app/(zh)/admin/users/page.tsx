import type { Metadata } from "next";
import { UserAdmin } from "@/components/admin/UserAdmin";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { can } from "@/lib/permissions";
import { listUsers } from "@/lib/users/user-mutations";

export const metadata: Metadata = { title: "用户" };

export default async function UsersPage() {
  const user = await requireStaffPage();
  if (!can(user, "user.manage"))
    return (
      <p className="form-error" role="alert">
        只有管理员可以管理用户。
      </p>
    );
  const users = await listUsers(user);
  return (
    <div className="admin-page">
      <h1>用户与角色</h1>
      <p className="muted">
        编辑：撰写、修改、提交审核；发布人：另可审核、发布、定时、撤回、归档；管理员：另可管理用户。更改角色、密码或停用会立即结束该用户的登录。
      </p>
      <UserAdmin users={users} selfId={user.id} />
    </div>
  );
}
