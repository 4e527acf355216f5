import "server-only";
import { decode } from "next-auth/jwt";

// next-auth's own cookie, read without next-auth's callbacks: by the production server's request
// gate (before Next) and by getCurrentUser, which checks it against the database once itself.

/** next-auth's cookie name: the __Secure- prefix when the site is served over HTTPS. */
function sessionCookieName(): string {
  const secure = (process.env.NEXTAUTH_URL ?? process.env.SITE_URL ?? "").startsWith("https://");
  return `${secure ? "__Secure-" : ""}next-auth.session-token`;
}

function parseCookies(header: string | null | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index <= 0) continue;
    const value = part.slice(index + 1).trim();
    try {
      cookies.set(part.slice(0, index).trim(), decodeURIComponent(value));
    } catch {
      cookies.set(part.slice(0, index).trim(), value);
    }
  }
  return cookies;
}

/** The session token of a request (next-auth splits a large one into name.0, name.1 …). */
export function sessionToken(cookieHeader: string | null | undefined): string | null {
  const name = sessionCookieName();
  const cookies = parseCookies(cookieHeader);
  const whole = cookies.get(name);
  if (whole) return whole;
  const chunks = [...cookies]
    .filter(([key]) => key.startsWith(`${name}.`))
    .sort(([a], [b]) => Number(a.slice(name.length + 1)) - Number(b.slice(name.length + 1)));
  return chunks.length ? chunks.map(([, value]) => value).join("") : null;
}

/** Who a session names, as signed at sign-in: user id and the user's session version then. */
export interface SessionClaims {
  uid: string;
  sv: number;
}

/**
 * The claims of the request's session when next-auth itself signed it and it has not expired,
 * else null. Whether the user may still use it (active, same session version) is the caller's
 * question for the database.
 */
export async function readSessionClaims(
  cookieHeader: string | null | undefined,
  secret: string | undefined = process.env.NEXTAUTH_SECRET,
): Promise<SessionClaims | null> {
  const token = sessionToken(cookieHeader);
  if (!token || !secret) return null;
  try {
    const payload = await decode({ token, secret });
    if (typeof payload?.uid !== "string" || !payload.uid) return null;
    if (typeof payload.exp === "number" && payload.exp * 1000 <= Date.now()) return null;
    return { uid: payload.uid, sv: typeof payload.sv === "number" ? payload.sv : 0 };
  } catch {
    return null;
  }
}
