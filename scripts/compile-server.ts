// Compiles the processes `npm start` runs (scripts/serve.ts and the production server it spawns,
// with the lib/ modules they import) and the operator commands to plain JavaScript in dist/, so a production install
// (`npm ci --omit=dev`) runs them with node alone: no tsx, no devDependency at run time.
// Packages stay imports (installed as dependencies); `server-only` is resolved at run time by the
// hook in scripts/server-only-outside-next.mjs, as under tsx.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { build, type Metafile, type Plugin } from "esbuild";

export const COMPILED_DIR = "dist";

/** The scripts a production install runs, by the name of their compiled file in dist/. */
const ENTRY_POINTS = {
  serve: "scripts/serve.ts",
  "production-server": "scripts/production-server.ts",
  // Operator commands run on the production machine too (npm run user:create, db:backup,
  // db:restore, deploy:nginx, search:reindex: scripts/run-script.mjs picks this copy where tsx is absent).
  "user-create": "scripts/user-create.ts",
  "db-backup": "scripts/db-backup.ts",
  "deploy-nginx": "scripts/deploy-nginx.ts",
  "search-reindex": "scripts/search-reindex.ts",
};

/**
 * Node's ESM loader resolves a deep import (`next/cache`) only through the package's `exports`, or
 * by its exact file name. For packages without `exports` (next) it gets the file require() finds.
 */
function exactDeepImports(root: string): Plugin {
  const requireFromRoot = createRequire(path.join(root, "package.json"));
  return {
    name: "exact-deep-imports",
    setup(build) {
      build.onResolve({ filter: /^(@[^/]+\/)?[^./@][^/]*\/./ }, ({ path: specifier }) => {
        const name = specifier
          .split("/")
          .slice(0, specifier.startsWith("@") ? 2 : 1)
          .join("/");
        const packageDir = path.join(root, "node_modules", name);
        const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8"));
        if (manifest.exports) return { path: specifier, external: true };
        const file = path.relative(packageDir, requireFromRoot.resolve(specifier));
        return { path: `${name}/${file.split(path.sep).join("/")}`, external: true };
      });
    },
  };
}

export async function compileServer(root = process.cwd()) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ENTRY_POINTS,
    outdir: path.join(root, COMPILED_DIR),
    bundle: true,
    // Everything from node_modules is imported at run time, so dist/ holds only this project's code.
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20.19",
    logLevel: "warning",
    metafile: true,
    plugins: [exactDeepImports(root)],
  });
  const inputs = Object.keys(result.metafile.inputs);
  const leaked = inputs.filter((file) => file.startsWith("node_modules/"));
  if (leaked.length) throw new Error(`dist/ must not bundle packages: ${leaked.join(", ")}`);
  assertImportsResolve(root, result.metafile);
  return { inputs, outputs: Object.keys(result.metafile.outputs) };
}

/** Every package import of dist/ must resolve under plain node (tsx resolves more loosely). */
function assertImportsResolve(root: string, metafile: Metafile) {
  const specifiers = [
    ...new Set(
      Object.values(metafile.outputs).flatMap((output) =>
        output.imports.filter((i) => i.external && !i.path.startsWith("node:")).map((i) => i.path),
      ),
    ),
  ];
  // import.meta.resolve does not check that the file exists: statSync does.
  const script = `import fs from "node:fs"; import { fileURLToPath } from "node:url";
    for (const s of ${JSON.stringify(specifiers)}) {
      try { if (!fs.statSync(fileURLToPath(import.meta.resolve(s))).isFile()) throw s; } catch { console.log(s); }
    }`;
  const probe = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd: path.join(root, COMPILED_DIR),
    env: { ...process.env, NODE_OPTIONS: "" },
    encoding: "utf8",
  });
  const unresolved = probe.stdout.trim();
  if (probe.status !== 0 || unresolved)
    throw new Error(`dist/ imports that node cannot resolve: ${unresolved || probe.stderr}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { inputs, outputs } = await compileServer();
  console.log(`Compiled ${inputs.length} modules to ${outputs.join(", ")}`);
}
