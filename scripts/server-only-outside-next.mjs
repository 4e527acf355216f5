// `node --import ./scripts/server-only-outside-next.mjs`: lets processes outside Next's bundles load
// the lib modules marked `import "server-only"` (see server-only-hooks.mjs).
import { register } from "node:module";

register("./server-only-hooks.mjs", import.meta.url);
