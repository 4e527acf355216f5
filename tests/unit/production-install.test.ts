// The lean production install: npm start runs compiled JavaScript with node alone, and every place
// that describes a production machine (Dockerfile, systemd unit) runs and copies the same things.
// The install itself (npm ci --omit=dev in a copy, then npm start) is .ci/run's production-install check.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compileServer } from "../../scripts/compile-server";
import { RUNTIME_FILES } from "../../scripts/runtime-files";

const root = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");
const packageJson = JSON.parse(read("package.json")) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const START = packageJson.scripts.start;
// Everything a production machine runs: the server and the operator commands.
const COMPILED = ["serve", "production-server", "user-create", "db-backup", "deploy-nginx"];

describe("the compiled server", () => {
  let compiled: Awaited<ReturnType<typeof compileServer>>;
  beforeAll(async () => {
    compiled = await compileServer(root);
  }, 60_000);

  it("holds this project's code only: packages stay imports, installed as dependencies", () => {
    expect(compiled.outputs).toEqual(expect.arrayContaining(COMPILED.map((name) => `dist/${name}.js`)));
    expect(compiled.inputs).toContain("scripts/production-server.ts");
    expect(compiled.inputs.filter((file) => file.includes("node_modules"))).toEqual([]);
    const imported = new Set(
      [...read("dist/serve.js").matchAll(/^import .*?"([^"]+)";$/gm)].map(([, specifier]) => specifier),
    );
    const packages = [...imported]
      .filter((s) => !s.startsWith("node:"))
      .map((s) =>
        s
          .split("/")
          .slice(0, s.startsWith("@") ? 2 : 1)
          .join("/"),
      );
    expect(packages.length).toBeGreaterThan(3);
    for (const name of packages) expect(packageJson.dependencies, name).toHaveProperty([name]);
  });

  it("runs under plain node with the server-only hook, without tsx", () => {
    // An unknown mode stops at the usage line: the whole module graph loaded, no database needed.
    const [command, ...args] = START.replace(/ start$/, " nonsense").split(" ");
    expect(command).toBe("node");
    const run = spawnSync(process.execPath, args, {
      cwd: root,
      env: { ...process.env, NODE_OPTIONS: "" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.stderr).toContain("Usage: tsx scripts/serve.ts dev|build|start");
    expect(run.status).toBe(1);
  });
});

describe("the operator commands", () => {
  it("npm run user:create, db:backup, db:restore and deploy:nginx go through the launcher, not tsx", () => {
    expect(packageJson.scripts["user:create"]).toBe("node scripts/run-script.mjs user-create");
    expect(packageJson.scripts["db:backup"]).toBe("node scripts/run-script.mjs db-backup backup");
    expect(packageJson.scripts["db:restore"]).toBe("node scripts/run-script.mjs db-backup restore");
    expect(packageJson.scripts["deploy:nginx"]).toBe("node scripts/run-script.mjs deploy-nginx");
    expect(RUNTIME_FILES).toContain("scripts/run-script.mjs");
  });

  it("where tsx is absent, the launcher runs the compiled copy under plain node", () => {
    // A production machine in miniature: the launcher, the server-only hook and dist/, no node_modules.
    const machine = fs.mkdtempSync(path.join(os.tmpdir(), "pressroom-launcher-"));
    try {
      for (const file of [
        "scripts/run-script.mjs",
        "scripts/server-only-outside-next.mjs",
        "scripts/server-only-hooks.mjs",
        "dist/deploy-nginx.js",
      ])
        fs.cpSync(path.join(root, file), path.join(machine, file), { recursive: true });
      const launch = (...args: string[]) =>
        spawnSync(process.execPath, ["scripts/run-script.mjs", ...args], {
          cwd: machine,
          env: { ...process.env, NODE_OPTIONS: "" },
          encoding: "utf8",
          timeout: 30_000,
        });
      const printed = launch(
        "deploy-nginx",
        "--listen",
        "127.0.0.1:8080",
        "--upstream",
        "127.0.0.1:3001",
        "--prefix",
        path.join(machine, "nginx"),
      );
      expect(printed.stderr).toBe("");
      expect(printed.stdout).toContain("server 127.0.0.1:3001 ");
      expect(printed.status).toBe(0);
      // Its own exit status and message come through (bad arguments: 2).
      const refused = launch("deploy-nginx", "--listen", "nowhere");
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain("--prefix");
      // Only the compiled commands: nothing else in dist/ or scripts/ can be started through it.
      const unknown = launch("../../etc/passwd");
      expect(unknown.status).toBe(2);
      expect(unknown.stderr).toContain("Usage");
      // Not built: says so instead of a stack trace.
      const missing = launch("db-backup", "backup");
      expect(missing.status).toBe(1);
      expect(missing.stderr).toContain("dist/db-backup.js is missing");
    } finally {
      fs.rmSync(machine, { recursive: true, force: true });
    }
  });
});

describe("npm start and the deployment files", () => {
  it("npm start runs the compiled serve script with node, not tsx", () => {
    expect(START).toBe("node --import ./scripts/server-only-outside-next.mjs dist/serve.js start");
    expect(packageJson.scripts.build).toContain("scripts/compile-server.ts");
  });

  it("the systemd unit and the Dockerfile run what npm start runs", () => {
    const unit = read("deploy/systemd/pressroom@.service");
    expect(unit).toContain(`ExecStart=/usr/bin/${START}`);
    expect(unit).toMatch(/^Environment=.*\bPORT=%i\b/m);
    expect(unit).toMatch(/^User=pressroom$/m);
    const cmd = read("deploy/Dockerfile").match(/^CMD (\[.*\])$/m)?.[1];
    expect(JSON.parse(cmd ?? "[]").join(" ")).toBe(START);
  });

  it("the Dockerfile's runtime stage copies exactly the runtime files, installs without devDependencies, runs as non-root", () => {
    const dockerfile = read("deploy/Dockerfile");
    const runtimeStage = dockerfile.slice(dockerfile.indexOf(" AS runtime"));
    const copied = [...runtimeStage.matchAll(/^COPY --from=build (.+) \S+$/gm)].flatMap(([, sources]) =>
      sources.split(" ").map((source) => source.replace(/^\/app\//, "")),
    );
    expect([...copied].sort()).toEqual([...RUNTIME_FILES].sort());
    expect(runtimeStage).toMatch(/^RUN npm ci --omit=dev /m);
    expect(runtimeStage).toMatch(/^USER pressroom$/m);
    for (const file of RUNTIME_FILES)
      expect(fs.existsSync(path.join(root, file)) || file === "dist" || file === ".next", file).toBe(true);
  });

  it("every file next.config.js imports is a runtime file (next start loads it on the production machine)", () => {
    const imported = [...read("next.config.js").matchAll(/^import .*? from "\.\/([^"]+)";$/gm)].map(
      ([, file]) => file,
    );
    expect(imported.length).toBeGreaterThan(0);
    for (const file of imported) expect(RUNTIME_FILES, file).toContain(file);
  });

  it("nothing from devDependencies is imported by the compiled server", () => {
    const dist = COMPILED.map((name) => read(`dist/${name}.js`)).join("\n");
    for (const name of Object.keys(packageJson.devDependencies))
      expect(dist.includes(`from "${name}"`) || dist.includes(`import("${name}")`), name).toBe(false);
  });
});
