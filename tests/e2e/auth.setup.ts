import { expect, test as setup } from "@playwright/test";

// Sign in through the API once per role and keep the cookies (the sign-in form is tested on its own).
for (const role of ["editor", "publisher", "admin"] as const) {
  setup(`sign in as ${role}`, async ({ request }) => {
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    const response = await request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: `${role}@e2e.test`, password: `e2e-${role}-password`, json: "true" },
    });
    expect(response.ok()).toBe(true);
    expect((await response.json()).url).not.toContain("error");
    const session = await (await request.get("/api/auth/session")).json();
    expect(session.user.role).toBe(role);
    await request.storageState({ path: `tests/e2e/.auth/${role}.json` });
  });
}
