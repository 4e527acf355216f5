import { getConfig } from "../lib/config";
import { deliverFirstAdminPassword } from "../lib/seed/first-admin-password";

/** What the console shows about the admin sign-in after the seed ran. */
export function printSignIn(siteUrl: string, generated?: { email: string; password: string }) {
  if (!generated) {
    console.log(
      `Admin sign-in: ${siteUrl}/admin (the first admin's password was given at the first start, or is ADMIN_PASSWORD)`,
    );
    return;
  }
  const lines = deliverFirstAdminPassword(generated, {
    siteUrl,
    dataDir: getConfig().dataDir,
    interactive: Boolean(process.stdout.isTTY),
  });
  console.log(lines.join("\n"));
}
