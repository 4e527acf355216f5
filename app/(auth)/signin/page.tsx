import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/admin/SignInForm";
import { getCurrentUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "登录", robots: { index: false } };

function safeCallback(value: string | undefined) {
  // Only paths of this site: never an open redirect.
  return value && value.startsWith("/") && !value.startsWith("//") ? value : "/admin";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  const target = safeCallback(callbackUrl);
  if (await getCurrentUser()) redirect(target);
  return (
    <main id="main" className="signin-page">
      <div className="signin-card">
        <p className="brand-line">Pressroom 新闻中心</p>
        <h1>编辑后台登录</h1>
        <SignInForm callbackUrl={target} initialError={error} />
        <p className="signin-note">连续 5 次密码错误，账户将被锁定 15 分钟。</p>
      </div>
    </main>
  );
}
