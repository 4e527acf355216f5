"use client";

import { useState } from "react";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "邮箱或密码不正确",
  invalid: "邮箱或密码不正确",
  locked: "该账户因多次登录失败已被暂时锁定，请 15 分钟后再试",
  rateLimited: "登录尝试过于频繁，请稍后再试",
  SessionRequired: "请先登录",
};

/** Posts to next-auth's credentials callback itself, so a 429 and each refusal get their own message. */
export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const [error, setError] = useState(initialError ? (MESSAGES[initialError] ?? "登录失败，请重试") : "");
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError("");
    try {
      const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
      const response = await fetch("/api/auth/callback/credentials", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-auth-return-redirect": "1" },
        body: new URLSearchParams({ csrfToken, email: String(form.get("email") ?? ""), password: String(form.get("password") ?? ""), callbackUrl, json: "true" }),
      });
      if (response.status === 429) {
        const retry = Number(response.headers.get("retry-after") ?? 0);
        setError(`${MESSAGES.rateLimited}${retry ? `（约 ${Math.ceil(retry / 60)} 分钟后）` : ""}`);
        return;
      }
      const data = (await response.json()) as { url?: string };
      const url = new URL(data.url ?? "/signin?error=CredentialsSignin", window.location.origin);
      const code = url.searchParams.get("error");
      if (code) {
        setError(MESSAGES[code] ?? "登录失败，请重试");
        return;
      }
      window.location.assign(callbackUrl);
    } catch {
      setError("网络异常，请检查网络后重试");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="signin-form" method="post" onSubmit={onSubmit} noValidate>
      {error && <p className="form-error" role="alert">{error}</p>}
      <label className="field">
        <span>邮箱</span>
        <input name="email" type="email" autoComplete="username" required />
      </label>
      <label className="field">
        <span>密码</span>
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <button className="button" type="submit" disabled={busy}>{busy ? "正在登录…" : "登录"}</button>
    </form>
  );
}
