import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { authenticate } from "@/lib/auth/authenticate";
import { db } from "@/lib/db";
import { deliverFirstAdminPassword, FIRST_ADMIN_PASSWORD_FILE } from "@/lib/seed/first-admin-password";
import { createUser } from "@/lib/users/user-mutations";
import { SERVER_ONLY_OUTSIDE_NEXT } from "../../scripts/node-options";
import { createStaff } from "./staff";

/** Runs the real CLI against this run's database, with `input` on its standard input. */
function userCreate(
  args: string[],
  input: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      path.resolve("node_modules/.bin/tsx"),
      [...SERVER_ONLY_OUTSIDE_NEXT, "scripts/user-create.ts", ...args],
      { env: { ...process.env }, stdio: ["pipe", "pipe", "pipe"] },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const uniqueEmail = (tag: string) => `${tag}-${crypto.randomBytes(4).toString("hex")}@test.example`;

describe("user:create on the command line", () => {
  it("takes the password from standard input with --password-stdin, without a warning", async () => {
    const email = uniqueEmail("stdin");
    const result = await userCreate(
      ["--email", email, "--role", "publisher", "--password-stdin"],
      "a-piped-password-123\n",
    );
    expect(result.stderr).not.toMatch(/warning/i);
    expect(result.code).toBe(0);
    await expect(
      authenticate({ email, password: "a-piped-password-123", ip: "10.66.0.1" }),
    ).resolves.toMatchObject({ email, role: "publisher" });
  }, 60_000);

  it("warns when the password is given on the command line", async () => {
    const email = uniqueEmail("argv");
    const result = await userCreate(["--email", email, "--password", "an-argv-password-123"], "");
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/Warning: a password on the command line can be read by other users/);
    expect(result.stderr).toContain("--password-stdin");
  }, 60_000);

  it("does not re-enable a deactivated account on --reset-password without --activate", async () => {
    const user = await createStaff("editor");
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    const result = await userCreate(
      ["--email", user.email, "--reset-password", "--password-stdin"],
      "a-reset-password-123\n",
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("add --activate");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).active).toBe(false);
  }, 60_000);
});

describe("createUser checks its permission itself", () => {
  it("refuses no actor and non-admins; the command line acts as the system actor", async () => {
    const input = () => ({
      email: uniqueEmail("perm"),
      name: "新人",
      role: "editor",
      password: "long-enough-password",
    });
    await expect(createUser(null, input())).rejects.toMatchObject({ status: 401 });
    await expect(createUser(await createStaff("publisher"), input())).rejects.toMatchObject({ status: 403 });
    const made = await createUser(SYSTEM_ACTOR, input());
    const audit = await db.auditLog.findFirstOrThrow({ where: { targetId: made.id, action: "user.create" } });
    expect(audit).toMatchObject({ actorId: null, actorEmail: "cli" });
  });
});

describe("the generated first-admin password", () => {
  const generated = { email: "admin@pressroom.local", password: "Generated-Pw-7xQ2mK9pLt" };

  it("is shown on a terminal, and written nowhere", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pressroom-"));
    const lines = deliverFirstAdminPassword(generated, {
      siteUrl: "http://localhost:3000",
      dataDir,
      interactive: true,
    });
    expect(lines.join("\n")).toContain(generated.password);
    expect(fs.existsSync(path.join(dataDir, FIRST_ADMIN_PASSWORD_FILE))).toBe(false);
  });

  it("goes to a 0600 file under the data directory when stdout is not a terminal, and the log says where but not what", () => {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pressroom-")), "data");
    const lines = deliverFirstAdminPassword(generated, {
      siteUrl: "http://localhost:3000",
      dataDir,
      interactive: false,
    });
    const file = path.join(dataDir, FIRST_ADMIN_PASSWORD_FILE);
    expect(lines.join("\n")).not.toContain(generated.password);
    expect(lines.join("\n")).toContain(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, "utf8")).toContain(`password: ${generated.password}`);
  });

  it("does not write through a symlink planted where the file goes", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pressroom-"));
    const victim = path.join(dataDir, "victim");
    fs.writeFileSync(victim, "untouched", { mode: 0o644 });
    fs.symlinkSync(victim, path.join(dataDir, FIRST_ADMIN_PASSWORD_FILE));
    deliverFirstAdminPassword(generated, { siteUrl: "http://localhost:3000", dataDir, interactive: false });
    expect(fs.readFileSync(victim, "utf8")).toBe("untouched");
    expect(fs.lstatSync(path.join(dataDir, FIRST_ADMIN_PASSWORD_FILE)).isSymbolicLink()).toBe(false);
  });
});
