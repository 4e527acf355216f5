import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// engine "js" + adapter makes the CLI use its WebAssembly schema engine: the native one
// cannot be downloaded here. migrate diff connects through the adapter even for
// schema-to-schema diffs, so DATABASE_URL must point at a running server (scripts/db.ts does that).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "" }),
});
