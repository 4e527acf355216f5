import crypto from "node:crypto";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { hashedPublicPolicy } from "@/lib/http/security-headers.mjs";
import { htmlPolicy, policyMemoSize } from "@/lib/http/response-cache";
import { nextInlineScriptHashes } from "@/lib/http/script-hashes";

const sha = (text: string) => `'sha256-${crypto.createHash("sha256").update(text, "utf8").digest("base64")}'`;

// The shapes of a real page of this build (Next 16.4, Turbopack), shortened.
const INIT = "(self.__next_f=self.__next_f||[]).push([0])";
const FLIGHT = 'self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n2:I[7810,[],\\"ViewCounter\\"]\\n"])';
const BOOT =
  '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/a.js"],"runtimeModuleIds":[94553]});';
const page = (extra = "") =>
  `<!DOCTYPE html><html><head><script src="/_next/static/chunks/a.js" async=""></script></head><body><main>${extra}</main>` +
  `<script id="_R_">${BOOT}</script><script>${INIT}</script><script>${FLIGHT}</script>` +
  `<script type="application/ld+json">{"@type":"NewsArticle"}</script></body></html>`;

describe("hashes of the inline scripts Next wrote", () => {
  it("hashes exactly Next's inline scripts, each once, and no data block or external script", () => {
    expect(nextInlineScriptHashes(page() + `<script>${INIT}</script>`)).toEqual([
      sha(BOOT),
      sha(INIT),
      sha(FLIGHT),
    ]);
  });

  it.each([
    ["a plain injected script", "<script>alert(document.cookie)</script>"],
    ["a script pretending to be flight data", '<script>self.__next_f.push([1,"x"]);alert(1)//)</script>'],
    ["a flight push with code in its argument", "<script>self.__next_f.push(alert(1))</script>"],
    ["a script typed as JavaScript", '<script type="text/javascript">alert(1)</script>'],
    ["an upper-case tag", "<SCRIPT>alert(1)</SCRIPT>"],
    ["a module script", '<script type="module">import("/x.js")</script>'],
  ])("leaves out %s, so the browser refuses it", (_name, injected) => {
    const hashes = nextInlineScriptHashes(page(injected));
    expect(hashes).toEqual([sha(BOOT), sha(INIT), sha(FLIGHT)]);
  });
});

describe("the public policy", () => {
  it("lists the hashes after 'self', with no 'unsafe-inline' and no 'unsafe-eval'", () => {
    const policy = hashedPublicPolicy([sha(INIT), sha(FLIGHT)]);
    const scriptSrc = policy.split("; ").find((d) => d.startsWith("script-src "));
    expect(scriptSrc).toBe(`script-src 'self' ${sha(INIT)} ${sha(FLIGHT)}`);
    expect(scriptSrc).not.toMatch(/unsafe/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'self'");
    expect(policy).toContain("base-uri 'self'");
  });

  it("reads the page whatever Next compressed it with", () => {
    const html = page("<p>参会嘉宾1.6万名</p>");
    const expected = `script-src 'self' ${sha(BOOT)} ${sha(INIT)} ${sha(FLIGHT)}`;
    for (const [encoding, body] of [
      [undefined, Buffer.from(html)],
      ["gzip", zlib.gzipSync(html)],
      ["br", zlib.brotliCompressSync(html)],
      ["deflate", zlib.deflateSync(html)],
    ] as const) {
      expect(htmlPolicy(body, encoding), String(encoding)).toContain(expected);
    }
  });

  it("is remembered per body: a page whose scripts changed gets its own, after any number of other pages", () => {
    const first = page("<p>一</p>");
    const policy = htmlPolicy(zlib.gzipSync(first), "gzip");
    // Thousands of distinct pages pass by (the memory is bounded, so it forgets some of them) ...
    for (let n = 0; n < 2000; n++) htmlPolicy(Buffer.from(page(`<p>${n}</p>`)), undefined);
    expect(policyMemoSize()).toBeLessThanOrEqual(256);
    // ... and the same bytes still give the same policy, changed scripts a different one.
    expect(htmlPolicy(zlib.gzipSync(first), "gzip")).toBe(policy);
    const changedFlight = FLIGHT.replace("ViewCounter", "ShareButtons");
    const changed = first.replace(FLIGHT, changedFlight);
    expect(changed).not.toBe(first);
    const changedPolicy = htmlPolicy(zlib.gzipSync(changed), "gzip");
    expect(changedPolicy).not.toBe(policy);
    expect(changedPolicy).toContain(sha(changedFlight));
    // The same bytes under another encoding name are read again, not taken from the memory.
    expect(htmlPolicy(zlib.gzipSync(first), "br")).toContain("script-src 'self';");
  });

  it("allows no inline script when the page cannot be read", () => {
    const policy = htmlPolicy(Buffer.from("not gzip"), "gzip");
    expect(policy).toContain("script-src 'self';");
  });
});
