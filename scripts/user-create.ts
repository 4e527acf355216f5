// npm run user:create -- --email a@example.org --role editor [--name 名字]   (password prompted)
// npm run user:create -- --email a@example.org --reset-password [--activate]   (new password for an existing account)
// printf '%s\n' "$PASSWORD" | npm run user:create -- --email a@example.org --password-stdin   (scripts)
// Talks to the same database as the server (joins a running embedded PostgreSQL).
import { parseArgs } from "node:util";
import { SYSTEM_ACTOR } from "../lib/auth/actor";
import { connectDatabase } from "../lib/database/connect";
import { migrateDatabase } from "../lib/database/migrate";
import { runCli } from "./run-cli";

const USAGE =
  "Usage: npm run user:create -- --email a@example.org [--role admin|publisher|editor] [--name 名字] [--password-stdin] [--reset-password [--activate]]";

/** Reads a password from the terminal without echoing it. */
function promptPassword(): Promise<string> {
  if (!process.stdin.isTTY)
    return Promise.reject(new Error("No terminal to ask for the password: pipe it in with --password-stdin"));
  return new Promise((resolve, reject) => {
    process.stdout.write("Password (10+ characters): ");
    const stdin = process.stdin;
    let value = "";
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onData);
      process.stdout.write("\n");
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const c of chunk) {
        if (c === "\r" || c === "\n") return done();
        if (c === "\u0003") return done(new Error("Cancelled"));
        value = c === "\u007f" ? value.slice(0, -1) : value + c;
      }
    };
    stdin.setRawMode(true);
    stdin.setEncoding("utf8");
    stdin.resume();
    stdin.on("data", onData);
  });
}

/** The first line of standard input (a script's pipe), without its line ending. */
async function readPasswordFromStdin(): Promise<string> {
  let data = "";
  process.stdin.setEncoding("utf8");
  for await (const chunk of process.stdin) {
    data += String(chunk);
    if (data.length > 10_000) break;
  }
  return data.split(/\r?\n/)[0] ?? "";
}

async function choosePassword(values: { password?: string; "password-stdin": boolean }): Promise<string> {
  if (values.password !== undefined && values["password-stdin"])
    throw new Error(`Give --password or --password-stdin, not both.\n${USAGE}`);
  if (values["password-stdin"]) return readPasswordFromStdin();
  if (values.password !== undefined) {
    console.warn(
      "Warning: a password on the command line can be read by other users of this machine (ps, /proc) and stays in your shell history. Leave --password out to be asked for it, or pipe it in with --password-stdin.",
    );
    return values.password;
  }
  return promptPassword();
}

runCli(async () => {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      password: { type: "string" },
      "password-stdin": { type: "boolean", default: false },
      role: { type: "string", default: "editor" },
      name: { type: "string" },
      "reset-password": { type: "boolean", default: false },
      activate: { type: "boolean", default: false },
    },
  });
  if (!values.email) throw new Error(USAGE);
  if (values.activate && !values["reset-password"])
    throw new Error(`--activate goes with --reset-password.\n${USAGE}`);
  const password = await choosePassword(values);
  const db = await connectDatabase();
  try {
    process.env.DATABASE_URL = db.url;
    await migrateDatabase(db.url);
    const { createUser, resetPasswordFromCli } = await import("../lib/users/user-mutations");
    if (values["reset-password"]) {
      const user = await resetPasswordFromCli(SYSTEM_ACTOR, values.email, password, {
        activate: values.activate,
      });
      console.log(`New password set for ${user.email}; their other sessions are ended.`);
      if (!user.active)
        console.log("The account is deactivated and stays so: add --activate to let it sign in again.");
      return;
    }
    const user = await createUser(SYSTEM_ACTOR, {
      email: values.email,
      name: values.name ?? values.email.split("@")[0],
      role: values.role,
      password,
    });
    console.log(`Created ${user.role} ${user.email}.`);
  } finally {
    await db.stop();
  }
});
