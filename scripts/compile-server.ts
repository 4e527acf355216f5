// Compiles the processes `npm start` runs (scripts/serve.ts and the production server it spawns,
// with the lib/ modules they import) to plain JavaScript in dist/, so a production install
// (`npm ci --omit=dev`) runs them with node alone: no tsx, no devDependency at run time.
// Packages stay imports (installed as dependencies); `server-only` is resolved at run time by the
// hook in scripts/server-only-outside-next.mjs, as under tsx.
import path from "node:path";
import { build } from "esbuild";

export const COMPILED_DIR = "dist";

/** The scripts a production install runs, by the name of their compiled file in dist/. */
const ENTRY_POINTS = {
  serve: "scripts/serve.ts",
  "production-server": "scripts/production-server.ts",
  // Operators reset a lost admin password on the production machine too.
  "user-create": "scripts/user-create.ts",
};

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
  });
  const inputs = Object.keys(result.metafile.inputs);
  const leaked = inputs.filter((file) => file.startsWith("node_modules/"));
  if (leaked.length) throw new Error(`dist/ must not bundle packages: ${leaked.join(", ")}`);
  return { inputs, outputs: Object.keys(result.metafile.outputs) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { inputs, outputs } = await compileServer();
  console.log(`Compiled ${inputs.length} modules to ${outputs.join(", ")}`);
}
