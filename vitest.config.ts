import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // Tests run lib/ as the server does: `server-only` is empty there (Next's react-server condition).
  "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // Real PostgreSQL: scripts/test.ts creates a fresh database and sets DATABASE_URL.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
