// npm run user:create -- --email a@example.org --password '...' --role editor [--name 名字]
// npm run user:create -- --email a@example.org --reset-password   (new password for an existing account)
// Talks to the same database as the server (joins a running embedded PostgreSQL).
import { parseArgs } from "node:util";
import { connectDatabase } from "../lib/database/connect";
import { migrateDatabase } from "../lib/database/migrate";
import { runCli } from "./run-cli";

/** Reads a password from the terminal without echoing it. */
function promptPassword(): Promise<string> {
  if (!process.stdin.isTTY) return Promise.reject(new Error("--password is required when not run in a terminal"));
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

runCli(async () => {
  const { values } = parseArgs({
    options: { email: { type: "string" }, password: { type: "string" }, role: { type: "string", default: "editor" }, name: { type: "string" }, "reset-password": { type: "boolean", default: false } },
  });
  if (!values.email) throw new Error("Usage: npm run user:create -- --email a@example.org [--password '...'] [--role admin|publisher|editor] [--name 名字]");
  const db = await connectDatabase();
  try {
    process.env.DATABASE_URL = db.url;
    await migrateDatabase(db.url);
    const { createUserAccount, resetPasswordFromCli } = await import("../lib/users/user-mutations");
    const password = values.password ?? (await promptPassword());
    if (values["reset-password"]) {
      const user = await resetPasswordFromCli(values.email, password);
      console.log(`New password set for ${user.email}; their other sessions are ended.`);
      return;
    }
    const user = await createUserAccount({ email: values.email, name: values.name ?? values.email.split("@")[0], role: values.role, password }, { actor: null, via: "cli" });
    console.log(`Created ${user.role} ${user.email}.`);
  } finally {
    await db.stop();
  }
});
