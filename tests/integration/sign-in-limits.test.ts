import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { authenticate, SignInRefused } from "@/lib/auth/authenticate";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { createStaff, PASSWORD } from "./staff";

/** The real argon2 check, counted: how many attempts reached the password. */
function countingVerify() {
  const calls = { count: 0 };
  const verify: typeof verifyPassword = (hash, password) => {
    calls.count++;
    return verifyPassword(hash, password);
  };
  return { calls, verify };
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => "accepted",
    (e: unknown) => (e instanceof SignInRefused ? e.reason : Promise.reject(e)),
  );
const randomIp = () => `10.77.${crypto.randomInt(250)}.${crypto.randomInt(250)}`;

describe("account lock under concurrency", () => {
  it("40 wrong passwords at once: at most 5 reach the password check, then the right one is refused too", async () => {
    const user = await createStaff("editor");
    const { calls, verify } = countingVerify();
    // One address per attempt, as a botnet would: only the account lock stands in the way.
    const reasons = await Promise.all(
      Array.from({ length: 40 }, () =>
        refusal(authenticate({ email: user.email, password: "wrong-password", ip: randomIp() }, verify)),
      ),
    );
    expect(calls.count).toBeLessThanOrEqual(5);
    expect(reasons.filter((r) => r === "invalid")).toHaveLength(calls.count);
    expect(reasons.filter((r) => r === "locked")).toHaveLength(40 - calls.count);
    const audit = await db.auditLog.groupBy({
      by: ["action"],
      where: { actorEmail: user.email },
      _count: true,
    });
    expect(Object.fromEntries(audit.map((a) => [a.action, a._count]))).toEqual({
      "auth.signin.failure": calls.count,
      "auth.signin.locked": 40 - calls.count,
    });
    expect(await refusal(authenticate({ email: user.email, password: PASSWORD, ip: randomIp() }))).toBe(
      "locked",
    );
  });

  it("a success in between resets the count, as before", async () => {
    const user = await createStaff("editor");
    const ip = randomIp();
    for (let i = 0; i < 4; i++)
      expect(await refusal(authenticate({ email: user.email, password: "wrong-password", ip }))).toBe(
        "invalid",
      );
    await expect(authenticate({ email: user.email, password: PASSWORD, ip })).resolves.toMatchObject({
      id: user.id,
    });
    expect(await refusal(authenticate({ email: user.email, password: "wrong-password", ip }))).toBe(
      "invalid",
    );
    await expect(authenticate({ email: user.email, password: PASSWORD, ip })).resolves.toMatchObject({
      id: user.id,
    });
  });
});

describe("a lock others cannot use to keep the owner out", () => {
  it("40 wrong passwords from elsewhere lock the account there, not at an address its owner signed in from", async () => {
    const user = await createStaff("editor");
    const office = randomIp();
    await expect(authenticate({ email: user.email, password: PASSWORD, ip: office })).resolves.toMatchObject({
      id: user.id,
    });
    const { calls, verify } = countingVerify();
    await Promise.all(
      Array.from({ length: 40 }, () =>
        refusal(authenticate({ email: user.email, password: "wrong-password", ip: randomIp() }, verify)),
      ),
    );
    expect(calls.count).toBeLessThanOrEqual(5);
    // Locked for every other address, the right password included...
    expect(await refusal(authenticate({ email: user.email, password: PASSWORD, ip: randomIp() }))).toBe(
      "locked",
    );
    // ...but the owner signs in from their office, whose own failures alone could lock it there.
    await expect(authenticate({ email: user.email, password: PASSWORD, ip: office })).resolves.toMatchObject({
      id: user.id,
    });
    for (let i = 0; i < 5; i++)
      expect(await refusal(authenticate({ email: user.email, password: "wrong-password", ip: office }))).toBe(
        "invalid",
      );
    expect(await refusal(authenticate({ email: user.email, password: PASSWORD, ip: office }))).toBe("locked");
  });

  it("an address known for another account is not known for this one", async () => {
    const [owner, other] = await Promise.all([createStaff("editor"), createStaff("editor")]);
    const shared = randomIp();
    await authenticate({ email: other.email, password: PASSWORD, ip: shared });
    for (let i = 0; i < 5; i++)
      await refusal(authenticate({ email: owner.email, password: "wrong-password", ip: randomIp() }));
    expect(await refusal(authenticate({ email: owner.email, password: PASSWORD, ip: shared }))).toBe(
      "locked",
    );
  });
});

describe("address limit under concurrency", () => {
  it("60 attempts at once from one address on different accounts: at most 20 reach the password check", async () => {
    const ip = randomIp();
    const { calls, verify } = countingVerify();
    const reasons = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        refusal(
          authenticate(
            {
              email: `spray-${i}-${crypto.randomBytes(3).toString("hex")}@test.example`,
              password: "Winter2026!",
              ip,
            },
            verify,
          ),
        ),
      ),
    );
    expect(calls.count).toBeLessThanOrEqual(20);
    expect(reasons.filter((r) => r === "rateLimited").length).toBeGreaterThanOrEqual(40);
    const error = await authenticate({ email: "another@test.example", password: "x", ip }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ reason: "rateLimited" });
    expect((error as SignInRefused).retryAfterSeconds).toBeGreaterThan(800);
  });

  it("refuses the 21st failure of an address", async () => {
    const ip = randomIp();
    for (let i = 0; i < 20; i++)
      expect(await refusal(authenticate({ email: `seq-${i}@test.example`, password: "x", ip }))).toBe(
        "invalid",
      );
    expect(await refusal(authenticate({ email: "seq-20@test.example", password: "x", ip }))).toBe(
      "rateLimited",
    );
  });

  it("guessing on at a locked account counts for the address too: the 21st try gets the 429", async () => {
    const ip = randomIp();
    const email = `locked-${crypto.randomBytes(4).toString("hex")}@test.example`;
    const answers: string[] = [];
    for (let i = 0; i < 21; i++) answers.push(await refusal(authenticate({ email, password: "x", ip })));
    expect(answers.slice(0, 5)).toEqual(Array(5).fill("invalid"));
    expect(answers.slice(5, 20)).toEqual(Array(15).fill("locked"));
    expect(answers[20]).toBe("rateLimited");
    // So the audit log grows by at most the address limit, however long the guessing goes on.
    expect(await db.auditLog.count({ where: { actorEmail: email, action: "auth.signin.locked" } })).toBe(15);
  });
});
