import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isClientModule, moduleGraph, sourceFiles } from "../fixtures/module-graph";

const root = path.resolve(import.meta.dirname, "../..");
const relative = (file: string) => path.relative(root, file);
const graph = moduleGraph(root);
const marksServerOnly = (file: string) => graph.specifiersOf(file).includes("server-only");

// Modules that hold or use secrets without going through lib/db.ts.
const SECRET_MODULES = [
  "lib/config.ts", // NEXTAUTH_SECRET, ADMIN_PASSWORD
  "lib/auth/options.ts",
  "lib/auth/password.ts",
  "lib/cache/revalidate-secret.ts",
  "lib/http/request-gate.ts", // decodes session tokens with NEXTAUTH_SECRET
  "lib/seed/first-admin-password.ts",
  "lib/database/connect.ts",
  "lib/database/embedded.ts",
  "lib/database/embedded-credentials.ts",
  "lib/database/migrate.ts",
  "lib/database/prepare.ts",
  "lib/database/scratch-database.ts",
];

/** Client components, and each server-only module they reach with the chain that reaches it. */
function clientImportsOfServerOnly(clientRoots: string[]) {
  const clientFiles = clientRoots
    .flatMap((dir) => sourceFiles(dir))
    .filter((file) => isClientModule(fs.readFileSync(file, "utf8")));
  const violations: string[] = [];
  for (const file of clientFiles) {
    for (const [reached, chain] of graph.reachableFrom(file)) {
      if (marksServerOnly(reached)) violations.push(chain.map(relative).join(" → "));
    }
  }
  return { clientFiles, violations };
}

describe('import "server-only"', () => {
  it("marks every lib module that uses the database client or a secret", () => {
    const usesDb = sourceFiles(path.join(root, "lib"))
      .filter((file) => !file.includes(`${path.sep}generated${path.sep}`))
      .filter((file) => graph.specifiersOf(file).some((s) => graph.resolve(file, s)?.endsWith("lib/db.ts")));
    expect(usesDb.length).toBeGreaterThan(20);
    const unmarked = [...usesDb.map(relative), ...SECRET_MODULES, "lib/db.ts"].filter(
      (file) => !marksServerOnly(path.join(root, file)),
    );
    expect(unmarked).toEqual([]);
  });

  it("is reached by no client component in app/ or components/", () => {
    const { clientFiles, violations } = clientImportsOfServerOnly([
      path.join(root, "app"),
      path.join(root, "components"),
    ]);
    expect(clientFiles.length).toBeGreaterThan(10);
    expect(violations).toEqual([]);
  });

  it("is loadable by every npm script that runs lib/ outside Next (tsx, or node on dist/, loads the resolve hook)", () => {
    const scripts = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).scripts as Record<
      string,
      string
    >;
    const tsxScripts = Object.entries(scripts).filter(([, command]) => /(^|\s)(tsx|node)\s/.test(command));
    expect(tsxScripts.length).toBeGreaterThan(5);
    expect(tsxScripts.map(([name]) => name)).toContain("start");
    // The operator commands' launcher passes the hook itself, to tsx and to node alike.
    const launcher = "node scripts/run-script.mjs ";
    expect(fs.readFileSync(path.join(root, "scripts/run-script.mjs"), "utf8")).toContain(
      '["--import", "./scripts/server-only-outside-next.mjs"]',
    );
    const withoutHook = tsxScripts
      .filter(
        ([, command]) =>
          !command.includes("--import ./scripts/server-only-outside-next.mjs") &&
          !command.startsWith(launcher),
      )
      .map(([name]) => name);
    expect(withoutHook).toEqual([]);
  });

  describe("the check itself", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "server-only-"));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
    const write = (name: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    };

    it("finds a server-only module behind re-exports, index files and dynamic imports, and ignores type-only imports", () => {
      write("lib/secret.ts", 'import "server-only";\nexport const secret = process.env.SECRET;\n');
      write("lib/barrel/index.ts", 'export * from "../secret";\n');
      write("lib/types.ts", 'import "server-only";\nexport type Row = { id: string };\n');
      write("lib/lazy.ts", 'export const load = () => import("./secret");\n');
      write(
        "components/Leaky.tsx",
        '// a comment first\n"use client";\nimport { secret } from "../lib/barrel";\nexport const Leaky = () => secret;\n',
      );
      write("components/Lazy.tsx", '"use client";\nimport { load } from "../lib/lazy";\nexport { load };\n');
      write(
        "components/Typed.tsx",
        '"use client";\nimport type { Row } from "../lib/types";\nimport { type Row as R } from "../lib/types";\nexport type T = Row | R;\n',
      );
      write(
        "components/Server.tsx",
        'import { secret } from "../lib/secret";\nexport const S = () => secret;\n',
      );

      const scratch = moduleGraph(dir);
      const leaks = ["Leaky.tsx", "Lazy.tsx", "Typed.tsx", "Server.tsx"].map((name) => {
        const file = path.join(dir, "components", name);
        if (!isClientModule(fs.readFileSync(file, "utf8"))) return [name, "server component"];
        const reached = [...scratch.reachableFrom(file)].filter(([f]) =>
          scratch.specifiersOf(f).includes("server-only"),
        );
        return [name, reached.map(([, chain]) => chain.map((f) => path.relative(dir, f)).join(" → "))];
      });
      expect(leaks).toEqual([
        ["Leaky.tsx", ["components/Leaky.tsx → lib/barrel/index.ts → lib/secret.ts"]],
        ["Lazy.tsx", ["components/Lazy.tsx → lib/lazy.ts → lib/secret.ts"]],
        ["Typed.tsx", []],
        ["Server.tsx", "server component"],
      ]);
    });
  });
});
