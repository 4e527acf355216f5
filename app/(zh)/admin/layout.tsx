import type { Metadata } from "next";
import Link from "next/link";
import { SignOutButton } from "@/components/admin/SignOutButton";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { isDatabaseUnavailable } from "@/lib/errors";
import { getMessages } from "@/lib/i18n/messages";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { can, ROLE_LABELS } from "@/lib/permissions";

export const metadata: Metadata = {
  title: { default: "编辑后台", template: "%s · 编辑后台" },
  robots: { index: false },
};

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  // Without the database nobody's session can be checked: say so plainly instead of a generic error.
  const user = await requireStaffPage().catch((error: unknown) => {
    if (isDatabaseUnavailable(error)) return null;
    throw error;
  });
  if (!user) {
    const t = getMessages().errors;
    return (
      <ErrorPanel code={503} title={t.unavailableTitle} text={t.unavailableText}>
        <Link href="/admin">{t.retry}</Link>
      </ErrorPanel>
    );
  }
  return (
    <div className="admin">
      <header className="admin-header">
        <Link href="/admin" className="admin-brand">
          Pressroom 编辑后台
        </Link>
        <nav aria-label="后台导航">
          <Link href="/admin">稿件</Link>
          <Link href="/admin/releases/new">新建稿件</Link>
          <Link href="/admin/media">媒体库</Link>
          {can(user, "edition.manage") && <Link href="/admin/events">活动与届次</Link>}
          {can(user, "figureKey.manage") && <Link href="/admin/keys">数据键</Link>}
          {can(user, "user.manage") && <Link href="/admin/users">用户</Link>}
          {can(user, "audit.view") && <Link href="/admin/audit">审计日志</Link>}
          <Link href="/" target="_blank">
            查看网站 ↗
          </Link>
        </nav>
        <div className="admin-user">
          <span>
            {user.name}（{ROLE_LABELS[user.role]}）
          </span>
          <SignOutButton />
        </div>
      </header>
      <main id="main" className="admin-main">
        {children}
      </main>
    </div>
  );
}
