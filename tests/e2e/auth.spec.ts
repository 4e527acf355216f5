import http from "node:http";
import { expect, test, type Page } from "@playwright/test";

// Sign-in attacks against the production server. Each test that signs in uses its own account
// (scripts/test.ts creates them), and the per-address test its own loopback source address, so
// neither the account lock nor the per-address limit touches the other tests.
const port = Number(process.env.E2E_PORT ?? 3100);
const origin = `http://127.0.0.1:${port}`;

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request from a chosen loopback address, with whatever headers an attacker likes. */
function send(
  localAddress: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, method, path, headers, localAddress, agent: false },
      (res) => {
        let data = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (data += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

async function csrf(localAddress: string) {
  const response = await send(localAddress, "GET", "/api/auth/csrf", {});
  const cookie = (response.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  return { cookie, token: (JSON.parse(response.body) as { csrfToken: string }).csrfToken };
}

async function signInAttempt(
  localAddress: string,
  session: { cookie: string; token: string },
  fields: Record<string, string>,
  headers: Record<string, string> = {},
) {
  const body = new URLSearchParams({ csrfToken: session.token, json: "true", ...fields }).toString();
  return send(
    localAddress,
    "POST",
    "/api/auth/callback/credentials",
    { "content-type": "application/x-www-form-urlencoded", cookie: session.cookie, ...headers },
    body,
  );
}

test.describe("per-address sign-in limit", () => {
  test("25 wrong sign-ins from one socket, each with forged X-Forwarded-For: 429 from the 21st on", async () => {
    const source = "127.0.9.1";
    const session = await csrf(source);
    const statuses: number[] = [];
    let last: RawResponse | undefined;
    for (let i = 1; i <= 25; i++) {
      // A password spray: a different account each time (so no account lock), a new forged address each time,
      // including a forged copy of the server's own socket-address header.
      const forged = `${((i * 37) % 223) + 1}.${i}.${(i * 11) % 250}.${i + 1}`;
      last = await signInAttempt(
        source,
        session,
        { email: `spray-${i}@e2e.test`, password: "Winter2026!" },
        {
          "x-forwarded-for": forged,
          "x-real-ip": forged,
          "x-pressroom-socket-address": forged,
        },
      );
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 20).filter((s) => s === 429)).toEqual([]);
    expect(statuses.slice(20)).toEqual([429, 429, 429, 429, 429]);
    expect(Number(last?.headers["retry-after"])).toBeGreaterThan(800);
    expect(JSON.parse(last?.body ?? "{}")).toEqual({
      error: { code: "rate_limited", message: "登录尝试过于频繁，请稍后再试" },
    });

    // Another socket address is not limited: the limit follows the socket, not the headers.
    const other = await signInAttempt("127.0.9.2", await csrf("127.0.9.2"), {
      email: "spray-other@e2e.test",
      password: "Winter2026!",
    });
    expect(other.status).not.toBe(429);
  });
});

// Query strings as an attacker would put them in a link to /signin (already URL-encoded where needed).
const HOSTILE_CALLBACKS = [
  "/%5Cevil.example",
  "/%5cevil.example",
  "%2F%5Cevil.example",
  "/\\evil.example",
  "/%255Cevil.example",
  "//evil.example",
  "%2F%2Fevil.example",
  "/%2F/evil.example",
  "/.//evil.example",
  "%2F.%2F%2Fevil.example",
  "/%09/evil.example",
  "%2F%09%2Fevil.example",
  "/%0D%0A/evil.example",
  "/%E2%80%AE/evil.example",
  "https:evil.example",
  "https%3Aevil.example",
  "http://evil.example/",
  "http%3A%2F%2Fevil.example%2F",
  "https://127.0.0.1.evil.example/",
  `http://127.0.0.1:${port}@evil.example/`,
  "javascript:alert(1)",
  "javascript%3Aalert(document.domain)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,%3Cscript%3Ealert(1)%3C/script%3E",
];

async function signInThroughForm(page: Page, query: string) {
  await page.goto(`/signin?callbackUrl=${query}`);
  await page.getByLabel("邮箱").fill("redirect@e2e.test");
  await page.getByLabel("密码").fill("e2e-redirect-password");
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"), { waitUntil: "commit" });
}

test.describe("post-sign-in address", () => {
  test("a hostile callbackUrl never takes the browser off the portal", async ({ page, context }) => {
    test.setTimeout(120_000);
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    // Nothing may leave for another host, not even a request (watched, not intercepted: interception slows every request).
    const offsite: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(`${origin}/`)) offsite.push(request.url());
    });
    for (const query of HOSTILE_CALLBACKS) {
      await context.clearCookies();
      await signInThroughForm(page, query);
      expect(new URL(page.url()).origin, query).toBe(origin);
      // Signed in already, the sign-in page redirects on the server: the same guard applies.
      const again = await page.request.get(`/signin?callbackUrl=${query}`, { maxRedirects: 0 });
      expect(Math.floor(again.status() / 100), query).toBe(3);
      expect(new URL(again.headers().location, origin).origin, `${query} (signed in)`).toBe(origin);
    }
    expect(dialogs).toEqual([]);
    expect(offsite).toEqual([]);

    // A same-site path still works.
    await context.clearCookies();
    await signInThroughForm(page, encodeURIComponent("/admin/media"));
    expect(page.url()).toBe(`${origin}/admin/media`);
  });

  test("next-auth's own redirect answer stays on the portal", async ({ request }) => {
    for (const callbackUrl of [
      "/\\evil.example",
      "//evil.example",
      "http://evil.example/",
      "https:evil.example",
      "/\t/evil.example",
    ]) {
      const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
      const response = await request.post("/api/auth/callback/credentials", {
        headers: { "x-auth-return-redirect": "1" },
        form: {
          csrfToken,
          email: "redirect@e2e.test",
          password: "e2e-redirect-password",
          callbackUrl,
          json: "true",
        },
      });
      expect(response.ok()).toBe(true);
      const { url } = (await response.json()) as { url: string };
      expect(new URL(url).origin, callbackUrl).toBe(origin);
    }
  });
});

test.describe("editor's browser copy", () => {
  test("is keyed by user and removed on sign-out", async ({ page, playwright, baseURL }) => {
    const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
    const signIn = await page.request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: "drafts@e2e.test", password: "e2e-drafts-password", json: "true" },
    });
    expect(signIn.ok()).toBe(true);
    const { user } = (await (await page.request.get("/api/auth/session")).json()) as { user: { id: string } };
    const created = await page.request.post("/api/admin/releases", {
      data: { title: "本机草稿测试", slug: `e2e-drafts-${Date.now()}` },
    });
    expect(created.status()).toBe(200);
    const { id } = (await created.json()) as { id: string };

    await page.goto(`/admin/releases/${id}`);
    await page.getByLabel("标题", { exact: true }).fill("尚未保存的标题");
    const key = `pressroom:draft:${user.id}:${id}`;
    await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), key)).toContain("尚未保存的标题");
    // Copies another person left in this browser, in the old per-release form too, and an unrelated setting.
    await page.evaluate((releaseId) => {
      localStorage.setItem("pressroom:draft:someone-else:abc", "{}");
      localStorage.setItem(`pressroom:draft:${releaseId}`, "{}");
      localStorage.setItem("pressroom:font-size", "large");
    }, id);

    // A copy of the session cookie taken before signing out (a second browser, a stolen cookie).
    const copy = await playwright.request.newContext({
      baseURL,
      storageState: await page.context().storageState(),
    });
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/signin/);
    // Signing out ended that copy too: no API, and next-auth's own session endpoint reports no user.
    expect((await copy.post("/api/admin/releases", { data: { title: "x" } })).status()).toBe(401);
    expect(await (await copy.get("/api/auth/session")).json()).toEqual({});
    await copy.dispose();
    const keys = await page.evaluate(() => Object.keys(localStorage));
    expect(keys.filter((k) => k.startsWith("pressroom:draft:"))).toEqual([]);
    expect(keys).toContain("pressroom:font-size");
  });
});
