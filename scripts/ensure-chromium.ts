import fs from "node:fs";
import { aptInstall } from "./apt-install";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CJK_FONT_DIR = "/usr/share/fonts/opentype/noto";

/**
 * Playwright cannot download its own browser here, so the end-to-end tests use Debian's Chromium
 * and the Noto CJK fonts (without them Chinese renders as boxes). Installed when missing and root.
 */
export function ensureChromium() {
  const missing = !fs.existsSync(CHROMIUM_PATH) || !fs.existsSync(CJK_FONT_DIR);
  if (missing)
    aptInstall(["chromium", "fonts-noto-cjk"], "Chromium or the CJK fonts are", " (or set CHROMIUM_PATH)");
}
