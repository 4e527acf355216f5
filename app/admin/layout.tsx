import type { Metadata } from "next";
import Link from "next/link";
import { SignOutButton } from "@/components/admin/SignOutButton";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { can, ROLE_LABELS } from "@/lib/permissions";

export const metadata: Metadata = { title: { default: "编辑后台", template: "%s · 编辑后台" }, robots: { index: false } };

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireStaffPage();
  return (
    <div className="admin">
      <header className="admin-header">
        <Link href="/admin" className="admin-brand">Pressroom 编辑后台</Link>
        <nav aria-label="后台导航">
          <Link href="/admin">稿件</Link>
          <Link href="/admin/releases/new">新建稿件</Link>
          <Link href="/admin/media">媒体库</Link>
          {can(user, "user.manage") && <Link href="/admin/users">用户</Link>}
          {can(user, "audit.view") && <Link href="/admin/audit">审计日志</Link>}
          <Link href="/" target="_blank">查看网站 ↗</Link>
        </nav>
        <div className="admin-user">
          <span>{user.name}（{ROLE_LABELS[user.role]}）</span>
          <SignOutButton />
        </div>
      </header>
      <main id="main" className="admin-main">{children}</main>
    </div>
  );
}
