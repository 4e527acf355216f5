// npm test: unit, then integration against a fresh real PostgreSQL database, then end-to-end in
// Chromium against one production build. `npm test -- unit|integration|e2e` runs one stage.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import { connectDatabase } from "../lib/database/connect";
import { createScratchDatabase } from "../lib/database/scratch-database";
import { ensureChromium } from "./ensure-chromium";
import { runCli } from "./run-cli";

const bin = (name: string) => path.resolve("node_modules/.bin", name);

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} ${args.join(" ")} failed (exit ${code})`))));
  });
}

runCli(async () => {
  // `npm test -- integration tests/integration/x.test.ts`: one stage, with vitest's file filters.
  const [only, ...filters] = process.argv.slice(2);
  const stages = only ? [only] : ["unit", "integration", "e2e"];
  if (stages.includes("unit")) await run(bin("vitest"), ["run", "--project", "unit"]);
  if (!stages.includes("integration") && !stages.includes("e2e")) return;

  const server = await connectDatabase();
  const scratch: Array<{ drop: () => Promise<void> }> = [];
  try {
    if (stages.includes("integration")) {
      const db = await createScratchDatabase(server, "pressroom_test");
      scratch.push(db);
      await run(bin("vitest"), ["run", "--project", "integration", ...filters], { DATABASE_URL: db.url, NODE_ENV: "test" });
    }
    if (stages.includes("e2e")) {
      ensureChromium();
      const db = await createScratchDatabase(server, "pressroom_e2e");
      const port = process.env.E2E_PORT ?? "3100";
      scratch.push(db);
      const env = {
        DATABASE_URL: db.url,
        NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
        E2E_PORT: port,
        // The build bakes SITE_URL into prerendered pages: the same value as the server's.
        SITE_URL: `http://127.0.0.1:${port}`,
        NEXTAUTH_URL: `http://127.0.0.1:${port}`,
        ADMIN_EMAIL: "admin@e2e.test",
        ADMIN_PASSWORD: "e2e-admin-password",
      };
      await run(bin("tsx"), ["scripts/db.ts", "seed"], env);
      // One account per role for the stored sessions, and one for the sign-in form test (its sign-out ends all its sessions).
      for (const [name, role] of [["editor", "editor"], ["publisher", "publisher"], ["signin", "editor"]]) {
        await run(bin("tsx"), ["scripts/user-create.ts", "--email", `${name}@e2e.test`, "--password", `e2e-${name}-password`, "--role", role, "--name", `测试${name}`], env);
      }
      await run(bin("next"), ["build"], { ...env, NODE_ENV: "production" });
      await run(bin("playwright"), ["test"], env);
    }
  } finally {
    for (const db of scratch) await db.drop().catch(() => {});
    await server.stop();
  }
});
