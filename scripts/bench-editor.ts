// npm run bench (editor section): Lighthouse (desktop preset, performance only) on the release
// editor of the 2023 results release, signed in as the first active admin with a session cookie
// minted with the server's own NEXTAUTH_SECRET (the bench starts that server, so it holds the secret;
// no password is needed or stored). Chromium is /usr/bin/chromium unless CHROMIUM_PATH says otherwise.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { encode } from "next-auth/jwt";
import { db } from "../lib/db";

export const EDITOR_TARGETS = { performance: 95, cls: 0.05, domElements: 1500 };

export interface EditorMeasurement {
  path: string;
  performance: number;
  cls: number;
  domElements: number;
  lcpMs: number;
  tbtMs: number;
}

async function sessionCookie(secret: string): Promise<string> {
  const admin = await db.user.findFirst({
    where: { role: "admin", active: true },
    orderBy: { createdAt: "asc" },
    select: { id: true, email: true, name: true, role: true, sessionVersion: true },
  });
  if (!admin) throw new Error("no active admin to measure the editor with");
  const token = await encode({
    secret,
    maxAge: 15 * 60,
    token: {
      sub: admin.id,
      uid: admin.id,
      email: admin.email,
      name: admin.name,
      role: admin.role,
      sv: admin.sessionVersion,
    },
  });
  return `next-auth.session-token=${token}`;
}

export async function measureEditor(base: string, secret: string): Promise<EditorMeasurement> {
  const release = await db.release.findFirst({ where: { slug: "wmc-2023-results" }, select: { id: true } });
  if (!release) throw new Error("the 2023 results release is not in the database (npm run db:seed)");
  const path = `/admin/releases/${release.id}`;
  const cookie = await sessionCookie(secret);
  // The server has just started: its first request of a route loads the route's code (seconds on a
  // busy machine), which Lighthouse would count as the editor's response time. One request first.
  const warm = await fetch(base + path, { headers: { Cookie: cookie }, redirect: "manual" });
  if (warm.status !== 200) throw new Error(`the editor answered ${warm.status} to the warm-up request`);
  await warm.arrayBuffer();
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  try {
    const result = await lighthouse(
      base + path,
      { port: chrome.port, output: "json", logLevel: "error", extraHeaders: { Cookie: cookie } },
      { ...desktopConfig, settings: { ...desktopConfig.settings, onlyCategories: ["performance"] } },
    );
    if (!result) throw new Error("Lighthouse returned no result");
    const { lhr } = result;
    if (lhr.finalDisplayedUrl && !lhr.finalDisplayedUrl.endsWith(path))
      throw new Error(`Lighthouse was sent to ${lhr.finalDisplayedUrl}: the session cookie was refused`);
    const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    return {
      path,
      performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      cls: audit("cumulative-layout-shift"),
      domElements: audit("dom-size"),
      lcpMs: audit("largest-contentful-paint"),
      tbtMs: audit("total-blocking-time"),
    };
  } finally {
    chrome.kill();
  }
}

export function printEditorMeasurement(m: EditorMeasurement) {
  console.log(`\nRelease editor (${m.path}, 2023 results release, 50 figures), Lighthouse desktop:`);
  console.log("| performance | CLS | DOM elements | LCP ms | TBT ms |");
  console.log("|---:|---:|---:|---:|---:|");
  console.log(
    `| ${m.performance} | ${m.cls.toFixed(3)} | ${m.domElements} | ${Math.round(m.lcpMs)} | ${Math.round(m.tbtMs)} |`,
  );
}

export function editorMisses(m: EditorMeasurement): string[] {
  const misses: string[] = [];
  if (m.performance < EDITOR_TARGETS.performance) misses.push("editor performance");
  if (!(m.cls < EDITOR_TARGETS.cls)) misses.push("editor layout shift");
  if (!(m.domElements < EDITOR_TARGETS.domElements)) misses.push("editor DOM size");
  return misses;
}
