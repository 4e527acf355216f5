import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { readSessionClaims } from "@/lib/auth/session-token";

// getCurrentUser and the request gate read next-auth's cookie themselves: only a token next-auth
// signed with this secret, unexpired and naming a user, is a session.
const SECRET = "session-token-test-secret-0123456789";
// One character changed inside the ciphertext (the last character may carry only padding bits).
const tamper = (token: string) => {
  const at = token.split(".").slice(0, 3).join(".").length + 5;
  return token.slice(0, at) + (token[at] === "A" ? "B" : "A") + token.slice(at + 1);
};
const cookie = (token: string) => `other=1; next-auth.session-token=${token}; theme=dark`;

describe("reading the session cookie", () => {
  it("gives the user id and session version of a token next-auth signed", async () => {
    const token = await encode({ token: { uid: "u1", sv: 3, role: "editor" }, secret: SECRET });
    expect(await readSessionClaims(cookie(token), SECRET)).toEqual({ uid: "u1", sv: 3 });
  });

  it("reads a token next-auth split into chunks, in their numbered order", async () => {
    const token = await encode({ token: { uid: "u2", sv: 1 }, secret: SECRET });
    const [a, b] = [token.slice(0, 40), token.slice(40)];
    const header = `next-auth.session-token.1=${b}; next-auth.session-token.0=${a}`;
    expect(await readSessionClaims(header, SECRET)).toEqual({ uid: "u2", sv: 1 });
  });

  it("refuses forged, expired, tampered, empty and user-less tokens like none", async () => {
    const cases = [
      await encode({ token: { uid: "u1", sv: 1 }, secret: "another-secret-0123456789abcdef" }),
      await encode({ token: { uid: "u1", sv: 1 }, secret: SECRET, maxAge: -10 }),
      await encode({ token: { sv: 1, email: "a@example.org" }, secret: SECRET }),
      await encode({ token: { uid: "", sv: 1 }, secret: SECRET }),
      tamper(await encode({ token: { uid: "u1", sv: 1 }, secret: SECRET })),
      "",
      "not-a-jwt",
      "a".repeat(5000),
    ];
    for (const token of cases)
      expect(await readSessionClaims(cookie(token), SECRET), token.slice(0, 20)).toBeNull();
    expect(await readSessionClaims(undefined, SECRET)).toBeNull();
    // No secret configured: nothing is a session.
    const good = await encode({ token: { uid: "u1", sv: 1 }, secret: SECRET });
    expect(await readSessionClaims(cookie(good), undefined)).toBeNull();
  });

  it("takes a version that is not a number as 0, which no user has", async () => {
    const token = await encode({ token: { uid: "u1", sv: "7" as unknown as number }, secret: SECRET });
    expect(await readSessionClaims(cookie(token), SECRET)).toEqual({ uid: "u1", sv: 0 });
  });
});
