import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/admin/SignInForm";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getConfig } from "@/lib/config";
import { getMessages } from "@/lib/i18n/messages";

const t = getMessages();

export const metadata: Metadata = { title: t.signIn.title, robots: { index: false } };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[]; error?: string }>;
}) {
  const { callbackUrl, error } = await searchParams;
  // Only paths of this site: never an open redirect.
  const target = safeCallbackPath(callbackUrl, getConfig().siteUrl);
  if (await getCurrentUser()) redirect(target);
  return (
    <main id="main" className="signin-page">
      <div className="signin-card">
        <p className="brand-line">{t.site.name}</p>
        <h1>{t.signIn.heading}</h1>
        <SignInForm callbackUrl={target} initialError={error} />
        <p className="signin-note">{t.signIn.lockNote}</p>
      </div>
    </main>
  );
}
