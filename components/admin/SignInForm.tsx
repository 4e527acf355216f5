"use client";

import { useState } from "react";
import { fill, getMessages } from "@/lib/i18n/messages";

const t = getMessages().signIn;
// next-auth's error codes and our refusal reasons (lib/auth/authenticate.ts).
const MESSAGES: Record<string, string> = {
  CredentialsSignin: t.invalid,
  invalid: t.invalid,
  locked: t.locked,
  rateLimited: t.rateLimited,
  SessionRequired: t.sessionRequired,
};

/** Posts to next-auth's credentials callback itself, so a 429 and each refusal get their own message. */
export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const [error, setError] = useState(initialError ? (MESSAGES[initialError] ?? t.failed) : "");
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
        body: new URLSearchParams({
          csrfToken,
          email: String(form.get("email") ?? ""),
          password: String(form.get("password") ?? ""),
          callbackUrl,
          json: "true",
        }),
      });
      if (response.status === 429) {
        const retry = Number(response.headers.get("retry-after") ?? 0);
        setError(`${t.rateLimited}${retry ? fill(t.retryIn, { minutes: Math.ceil(retry / 60) }) : ""}`);
        return;
      }
      const data = (await response.json()) as { url?: string };
      const url = new URL(data.url ?? "/signin?error=CredentialsSignin", window.location.origin);
      const code = url.searchParams.get("error");
      if (code) {
        setError(MESSAGES[code] ?? t.failed);
        return;
      }
      window.location.assign(callbackUrl);
    } catch {
      setError(t.network);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="signin-form" method="post" onSubmit={onSubmit} noValidate>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <label className="field">
        <span>{t.email}</span>
        <input name="email" type="email" autoComplete="username" required />
      </label>
      <label className="field">
        <span>{t.password}</span>
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <button className="button" type="submit" disabled={busy}>
        {busy ? t.busy : t.submit}
      </button>
    </form>
  );
}
