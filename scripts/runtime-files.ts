/**
 * What a production machine needs from a built checkout (besides `npm ci --omit=dev`): the build,
 * the compiled server, the migrations, and the files loaded at run time. The CI's production
 * install check copies exactly these, and deploy/Dockerfile copies the same (a unit test compares).
 */
export const RUNTIME_FILES = [
  "package.json",
  "package-lock.json",
  // npm ci --omit=dev runs the postinstall `prisma generate`, which reads these.
  "prisma.config.ts",
  "prisma/schema.prisma",
  // Applied at start by lib/database/migrate.ts (no prisma CLI at run time).
  "prisma/migrations",
  ".next",
  "dist",
  "next.config.js",
  // Imported by next.config.js at start.
  "lib/http/security-headers.mjs",
  "lib/cache/surrogate-keys.mjs",
  "scripts/server-only-outside-next.mjs",
  "scripts/server-only-hooks.mjs",
  // npm run user:create, db:backup, db:restore, deploy:nginx: runs their compiled copies in dist/.
  "scripts/run-script.mjs",
];
