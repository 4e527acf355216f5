// Security headers (plain JavaScript: next.config.js imports it, and Node 20 cannot load TypeScript there). Pages rendered per request (admin, sign-in, reviewer previews) get a strict
// CSP with a fresh nonce (proxy.ts). Public pages are cached HTML shared by every reader, so no
// per-response nonce can be in them: the production server hashes the inline scripts Next wrote into
// each public HTML answer and sends exactly those hashes (lib/http/script-hashes.ts, applied by the
// response cache, on MISS and HIT alike). No 'unsafe-inline' and no 'unsafe-eval' in production.
//
// Why 'self' and not 'strict-dynamic': with 'strict-dynamic' a browser ignores 'self' for the
// <script src> tags in the HTML, so each would need an integrity attribute matching a hash in the
// policy. Next 16.4 (Turbopack, experimental.sri) puts one only on its bootstrap scripts; the chunks of
// client components that React writes into the HTML carry none (checked on this build), and adding
// them would mean rewriting and recompressing every page. 'self' + hashes still blocks every
// injected inline script, handler and javascript: URL; an external script must come from this
// origin, which serves no user-controlled JavaScript (uploads are images, sent with nosniff).

const dev = process.env.NODE_ENV !== "production";

/**
 * With MEDIA_DELIVERY=redirect, /media/<id> answers with a redirect to a signed URL of the bucket,
 * and a browser applies img-src to the redirect's target too: the bucket's origin (as the S3 client
 * addresses it: path-style on the endpoint, or the bucket as a subdomain) must be allowed.
 */
function mediaRedirectSource() {
  const env = process.env;
  if (env.MEDIA_DELIVERY !== "redirect" || !env.MEDIA_S3_BUCKET) return "";
  const endpoint = env.MEDIA_S3_ENDPOINT || `https://s3.${env.MEDIA_S3_REGION || "us-east-1"}.amazonaws.com`;
  try {
    const url = new URL(endpoint);
    const pathStyle = env.MEDIA_S3_FORCE_PATH_STYLE === "1" || env.MEDIA_S3_FORCE_PATH_STYLE === "true";
    return ` ${pathStyle ? url.origin : `${url.protocol}//${env.MEDIA_S3_BUCKET}.${url.host}`}`;
  } catch {
    return "";
  }
}

/** @param {string} scriptSrc @param {string} frameAncestors @param {boolean} [allowEval] */
function policy(scriptSrc, frameAncestors, allowEval = dev) {
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}${allowEval ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${mediaRedirectSource()}`,
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

/**
 * The policy of a public HTML page whose inline scripts have these hash-sources ('sha256-…'): only
 * the production server sends it, so never with 'unsafe-eval'.
 * @param {string[]} hashSources
 */
export function hashedPublicPolicy(hashSources) {
  return policy(["'self'", ...hashSources].join(" "), "'self'", false);
}

// Set by next.config.js on every public answer; the production server replaces it on HTML with the
// hashed policy. In production it allows no inline script at all: public HTML that escaped the
// hashing (served by plain `next start`, say) stays safe and merely loses its client-side features.
// `next dev` writes inline scripts of its own on every page, so development keeps 'unsafe-inline'.
export const PUBLIC_POLICY = policy(dev ? "'self' 'unsafe-inline'" : "'self'", "'self'");

export const COMMON_HEADERS = [
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
  ...(dev ? [] : [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }]),
];
