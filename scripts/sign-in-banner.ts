/** What the console shows about the admin sign-in after the seed ran. */
export function printSignIn(siteUrl: string, generated?: { email: string; password: string }) {
  if (!generated) {
    console.log(`Admin sign-in: ${siteUrl}/admin (the first admin's password was printed at the first start, or is ADMIN_PASSWORD)`);
    return;
  }
  console.log(
    [
      "",
      "┌─ Admin sign-in (shown once: keep it) ───────────────────",
      `│ ${siteUrl}/admin`,
      `│ email:    ${generated.email}`,
      `│ password: ${generated.password}`,
      "└─────────────────────────────────────────────────────────",
      "",
    ].join("\n"),
  );
}
