import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { StartupError } from "../lib/database/startup-error";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CJK_FONT_DIR = "/usr/share/fonts/opentype/noto";

/**
 * Playwright cannot download its own browser here, so the end-to-end tests use Debian's Chromium
 * and the Noto CJK fonts (without them Chinese renders as boxes). Installed when missing and root.
 */
export function ensureChromium() {
  const missing = !fs.existsSync(CHROMIUM_PATH) || !fs.existsSync(CJK_FONT_DIR);
  if (!missing) return;
  if (process.getuid?.() !== 0) {
    throw new StartupError(
      `Chromium or the CJK fonts are missing. Install them once with: sudo apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH).`,
    );
  }
  console.log("Installing chromium and fonts-noto-cjk with apt-get (once) ...");
  execFileSync("apt-get", ["update"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "--no-install-recommends", "chromium", "fonts-noto-cjk"], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}
