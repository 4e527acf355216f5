import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { DEFAULT_PURGE_MODULE } from "../lib/deploy/nginx-config";

export const NGINX_PATH = process.env.NGINX_PATH ?? "/usr/sbin/nginx";

/** Whether Debian's nginx and its cache-purge module are here (the benchmark skips nginx without them). */
export function nginxInstalled(): boolean {
  return fs.existsSync(NGINX_PATH) && fs.existsSync(DEFAULT_PURGE_MODULE);
}

/**
 * The front-cache tests run Debian's nginx with ngx_cache_purge: installed when missing and root
 * (as ensureChromium does for the browser), otherwise a clear message.
 */
export function ensureNginx() {
  if (nginxInstalled()) return;
  if (process.getuid?.() !== 0)
    throw new Error(
      "nginx or its purge module is missing. Install them once with: sudo apt-get install -y nginx libnginx-mod-http-cache-purge",
    );
  execFileSync("apt-get", ["update"], { stdio: "inherit" });
  execFileSync(
    "apt-get",
    ["install", "-y", "--no-install-recommends", "nginx", "libnginx-mod-http-cache-purge"],
    {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    },
  );
}

/** Writes the config under `prefix` with the directories nginx does not create itself (logs, temporary files). */
export function writeNginxPrefix(prefix: string, config: string): string {
  fs.mkdirSync(`${prefix}/logs`, { recursive: true });
  fs.mkdirSync(`${prefix}/tmp`, { recursive: true });
  // Started as root, nginx's workers run as nobody and must reach the cache and temporary files.
  if (process.getuid?.() === 0) fs.chmodSync(prefix, 0o711);
  const file = `${prefix}/nginx.conf`;
  fs.writeFileSync(file, config);
  return file;
}
