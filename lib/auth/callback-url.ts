/** Where the sign-in leads when the requested address is missing or not safe. */
export const DEFAULT_CALLBACK_PATH = "/admin";

const MAX_LENGTH = 2048;
// Enough for any double or triple encoding; a value that still decodes further is refused.
const MAX_DECODINGS = 4;

/** Backslashes (browsers read `/\host` as `//host`), control and invisible formatting characters. */
function hasHostileCharacters(value: string): boolean {
  if (value.includes("\\")) return true;
  for (const ch of value) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return true;
    if (
      (c >= 0x200b && c <= 0x200f) ||
      (c >= 0x202a && c <= 0x202e) ||
      (c >= 0x2066 && c <= 0x2069) ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0xfeff
    )
      return true;
  }
  return false;
}

/** True when the value, or any of its URL decodings, holds something a browser could read as another host. */
function suspicious(value: string): boolean {
  let layer = value;
  for (let i = 0; ; i++) {
    if (hasHostileCharacters(layer) || layer.startsWith("//")) return true;
    let decoded: string;
    try {
      decoded = decodeURIComponent(layer);
    } catch {
      return true;
    }
    if (decoded === layer) return false;
    if (i === MAX_DECODINGS) return true;
    layer = decoded;
  }
}

/**
 * The one check of a post-sign-in address (the sign-in page, its form and next-auth's redirect
 * callback): a path of this site, or an absolute URL of exactly this origin, returned as a path.
 * Anything else, or anything that becomes suspicious after any number of URL decodings
 * (`/%5Chost`, `/%09/host`, `//host`), gives the fallback.
 */
export function safeCallbackPath(value: unknown, siteUrl: string, fallback = DEFAULT_CALLBACK_PATH): string {
  if (typeof value !== "string" || !value || value.length > MAX_LENGTH || suspicious(value)) return fallback;
  const origin = new URL(siteUrl).origin;
  const relative = value.startsWith(`${origin}/`) ? value.slice(origin.length) : value;
  if (!relative.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(relative, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== origin) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments can collapse into a new `//` (`/.//host` is `//host`).
  return suspicious(path) ? fallback : path;
}
