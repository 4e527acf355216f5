// npm test: unit, then integration against a fresh real PostgreSQL database, then end-to-end in
// Chromium against one production build. `npm test -- unit|integration|e2e` runs one stage.
import { spawn, type StdioOptions } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import { connectDatabase } from "../lib/database/connect";
import { createScratchDatabase } from "../lib/database/scratch-database";
import { ensureChromium } from "./ensure-chromium";
import { compileServer } from "./compile-server";
import { SERVER_ONLY_OUTSIDE_NEXT } from "./node-options";
import { runCli } from "./run-cli";

const bin = (name: string) => path.resolve("node_modules/.bin", name);

function run(
  command: string,
  args: string[],
  env: Record<string, string> = {},
  input?: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const stdio: StdioOptions = input === undefined ? "inherit" : ["pipe", "inherit", "inherit"];
    const child = spawn(command, args, {
      stdio,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    });
    if (input !== undefined) child.stdin?.end(input);
    child.on("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(command)} ${args.join(" ")} failed (exit ${code})`)),
    );
  });
}

runCli(async () => {
  // npm test -- <stage> [files...]: the files (or filters) go to vitest or playwright for that stage.
  const [only, ...filters] = process.argv.slice(2);
  const stages = only ? [only] : ["unit", "integration", "e2e"];
  if (stages.includes("unit")) await run(bin("vitest"), ["run", "--project", "unit", ...filters]);
  if (!stages.includes("integration") && !stages.includes("e2e")) return;

  const server = await connectDatabase();
  const scratch: Array<{ drop: () => Promise<void> }> = [];
  try {
    if (stages.includes("integration")) {
      const db = await createScratchDatabase(server, "pressroom_test");
      scratch.push(db);
      // A second database for the backup round trip, whose restore replaces a whole schema.
      const restoreTarget = await createScratchDatabase(server, "pressroom_restore");
      scratch.push(restoreTarget);
      // A third for the query-plan test, which fills it with thousands of synthetic releases.
      const plans = await createScratchDatabase(server, "pressroom_plans");
      scratch.push(plans);
      await run(bin("vitest"), ["run", "--project", "integration", ...filters], {
        DATABASE_URL: db.url,
        RESTORE_TEST_DATABASE_URL: restoreTarget.url,
        PLAN_TEST_DATABASE_URL: plans.url,
        NODE_ENV: "test",
      });
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
        METRICS_TOKEN: crypto.randomBytes(24).toString("base64url"),
      };
      await run(bin("tsx"), [...SERVER_ONLY_OUTSIDE_NEXT, "scripts/db.ts", "seed"], env);
      // One account per role for the stored sessions, and one for the sign-in form test (its sign-out ends all its sessions).
      // Dedicated accounts for tests that sign in and out themselves: redirect (hostile callbackUrls), drafts (local copies cleared on sign-out).
      for (const [name, role] of [
        ["editor", "editor"],
        ["publisher", "publisher"],
        ["signin", "editor"],
        ["redirect", "editor"],
        ["drafts", "editor"],
      ]) {
        const args = [
          ...SERVER_ONLY_OUTSIDE_NEXT,
          "scripts/user-create.ts",
          "--email",
          `${name}@e2e.test`,
          "--password-stdin",
          "--role",
          role,
          "--name",
          `测试${name}`,
        ];
        await run(bin("tsx"), args, env, `e2e-${name}-password\n`);
      }
      await run(bin("next"), ["build"], { ...env, NODE_ENV: "production" });
      await compileServer();
      await run(bin("playwright"), ["test", ...filters], env);
    }
  } finally {
    for (const db of scratch) await db.drop().catch(() => {});
    await server.stop();
  }
});
