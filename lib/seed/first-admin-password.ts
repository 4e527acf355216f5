import "server-only";
import fs from "node:fs";
import path from "node:path";

export const FIRST_ADMIN_PASSWORD_FILE = "first-admin-password";

/**
 * How the generated first-admin password reaches the operator. On a terminal it is shown; when
 * stdout is a log (CI, systemd, a pipe) it would stay in that log for good, so it goes to a file
 * only this OS user can read, under the data directory, and the log says where. Returns the lines
 * to print.
 */
export function deliverFirstAdminPassword(
  generated: { email: string; password: string },
  options: { siteUrl: string; dataDir: string; interactive: boolean },
): string[] {
  if (options.interactive) {
    return [
      "",
      "┌─ Admin sign-in (shown once: keep it) ───────────────────",
      `│ ${options.siteUrl}/admin`,
      `│ email:    ${generated.email}`,
      `│ password: ${generated.password}`,
      "└─────────────────────────────────────────────────────────",
      "",
    ];
  }
  const file = path.join(options.dataDir, FIRST_ADMIN_PASSWORD_FILE);
  fs.mkdirSync(options.dataDir, { recursive: true });
  // A fresh file ("wx" refuses to follow a planted symlink), so the 0600 mode always applies.
  fs.rmSync(file, { force: true });
  fs.writeFileSync(
    file,
    `${options.siteUrl}/admin\nemail: ${generated.email}\npassword: ${generated.password}\n`,
    { mode: 0o600, flag: "wx" },
  );
  return [
    `Admin sign-in: ${options.siteUrl}/admin as ${generated.email}. Its generated password is in ${file} (readable only by this user):`,
    "read it, sign in, change the password, then delete the file.",
  ];
}
