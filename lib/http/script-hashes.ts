import crypto from "node:crypto";

/**
 * The CSP hash-sources for the inline scripts Next writes into a page: its flight data
 * (`self.__next_f.push([...])`) and the Turbopack bootstrap (`globalThis["TURBOPACK"]…push({...})`).
 * Only scripts of exactly those shapes, with a JSON argument, are hashed: anything else inline
 * (a script that got into stored content, say) is left out of the policy, so the browser refuses it.
 * JSON-LD and other data blocks are never run, so they need no hash.
 */

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const HAS_SRC = /\ssrc\s*=/i;
const TYPE = /\stype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
// Types a browser runs as script; any other type (application/ld+json, …) is a data block.
const SCRIPT_TYPES = new Set(["", "module", "text/javascript", "application/javascript"]);

const NEXT_FLIGHT_INIT = "(self.__next_f=self.__next_f||[]).push([0])";
const NEXT_FLIGHT_PUSH = { prefix: "self.__next_f.push(", suffix: ")" };
const TURBOPACK_BOOTSTRAP = {
  prefix: '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(',
  suffix: ");",
};

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function wrapsJson(script: string, shape: { prefix: string; suffix: string }): boolean {
  return (
    script.startsWith(shape.prefix) &&
    script.endsWith(shape.suffix) &&
    isJson(script.slice(shape.prefix.length, script.length - shape.suffix.length))
  );
}

export function isNextInlineScript(script: string): boolean {
  return (
    script === NEXT_FLIGHT_INIT ||
    wrapsJson(script, NEXT_FLIGHT_PUSH) ||
    wrapsJson(script, TURBOPACK_BOOTSTRAP)
  );
}

function isRunnable(attributes: string): boolean {
  const type = TYPE.exec(attributes);
  const value = type ? (type[1] ?? type[2] ?? type[3] ?? "") : "";
  return SCRIPT_TYPES.has(value.trim().toLowerCase());
}

/** `'sha256-…'` for each distinct inline script of Next's in `html`, in order of appearance. */
export function nextInlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes, content] of html.matchAll(SCRIPT)) {
    if (HAS_SRC.test(attributes) || !isRunnable(attributes) || !isNextInlineScript(content)) continue;
    hashes.add(`'sha256-${crypto.createHash("sha256").update(content, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}
