import { describe, expect, it } from "vitest";
import { DEFAULT_CALLBACK_PATH, safeCallbackPath } from "@/lib/auth/callback-url";

const SITE = "https://press.example.org";

// Each of these, as the server receives it after one decoding of the query string, must not lead off the site.
export const HOSTILE_CALLBACKS = [
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/\\/evil.example",
  "\\/evil.example",
  "/%5Cevil.example",
  "/%5cevil.example",
  "/%255Cevil.example",
  "%2F%2Fevil.example",
  "/%2F/evil.example",
  "/%252F%252Fevil.example",
  "/\t/evil.example",
  "/%09/evil.example",
  "/\n/evil.example",
  "/%0A/evil.example",
  "/%0D%0A/evil.example",
  "/%00/evil.example",
  "/\u0000/evil.example",
  "/\u200b/evil.example",
  "/\u202e/evil.example",
  "/\ufeff/evil.example",
  "https:evil.example",
  "http:evil.example",
  "https://evil.example",
  "http://evil.example/",
  "HTTPS://press.example.org.evil.example/",
  "https://press.example.org@evil.example/",
  "https://press.example.org.evil.example/admin",
  "http://press.example.org/admin",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  " javascript:alert(1)",
  "javascript%3Aalert(1)",
  "data:text/html,<script>alert(1)</script>",
  "/.//evil.example",
  "/..//evil.example",
  "/./%2F/evil.example",
  "evil.example",
  "admin",
  "",
  "%",
  "/%E0%A4%A",
  "/" + "a".repeat(3000),
  "/%25%32%35%35%43evil.example",
];

describe("the post-sign-in address", () => {
  it.each(HOSTILE_CALLBACKS.map((value) => [value.slice(0, 60), value]))("refuses %j", (_, value) => {
    expect(safeCallbackPath(value, SITE)).toBe(DEFAULT_CALLBACK_PATH);
  });

  it("refuses what is not a string", () => {
    for (const value of [undefined, null, 42, ["/admin", "//evil.example"], { toString: () => "/admin" }])
      expect(safeCallbackPath(value, SITE)).toBe(DEFAULT_CALLBACK_PATH);
  });

  it("keeps paths of this site, and same-origin absolute URLs as paths", () => {
    expect(safeCallbackPath("/admin", SITE)).toBe("/admin");
    expect(safeCallbackPath("/admin/releases/abc?tab=figures#top", SITE)).toBe(
      "/admin/releases/abc?tab=figures#top",
    );
    expect(safeCallbackPath("https://press.example.org/admin/users", SITE)).toBe("/admin/users");
    expect(safeCallbackPath("/releases/%E6%96%B0%E9%97%BB", SITE)).toBe("/releases/%E6%96%B0%E9%97%BB");
    expect(safeCallbackPath("/admin/../releases", SITE)).toBe("/releases");
    expect(safeCallbackPath("//evil.example", SITE, "/signin")).toBe("/signin");
  });

  it("every answer resolves to this origin in a browser's URL parser", () => {
    for (const value of HOSTILE_CALLBACKS)
      expect(new URL(safeCallbackPath(value, SITE), SITE).origin).toBe(SITE);
  });
});
