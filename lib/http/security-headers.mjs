// Security headers (plain JavaScript: next.config.js imports it, and Node 20 cannot load TypeScript there). Pages rendered per request (admin, sign-in, reviewer previews) get a strict
// CSP with a fresh nonce (proxy.ts). Public pages are cached HTML shared by every reader, so no
// per-response nonce can be in them: their CSP still forbids plugins, foreign scripts, framing
// by other sites and foreign form targets, and content is sanitised on write and on render.

const dev = process.env.NODE_ENV !== "production";

/** @param {string} scriptSrc @param {string} frameAncestors */
function policy(scriptSrc, frameAncestors) {
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");
}

/** @param {string} nonce */
export function strictPolicy(nonce) {
  return policy(`'self' 'nonce-${nonce}' 'strict-dynamic'`, "'none'");
}

export const PUBLIC_POLICY = policy("'self' 'unsafe-inline'", "'self'");

export const COMMON_HEADERS = [
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
  ...(dev ? [] : [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }]),
];
