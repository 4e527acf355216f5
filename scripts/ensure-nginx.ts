import fs from "node:fs";
import path from "node:path";
import { DEFAULT_PURGE_MODULE } from "../lib/deploy/nginx-config";
import { aptInstall } from "./apt-install";

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
  if (!nginxInstalled())
    aptInstall(["nginx", "libnginx-mod-http-cache-purge"], "nginx or its purge module is");
}

/** Writes the config under `prefix` with the directories nginx does not create itself (logs, temporary files). */
export function writeNginxPrefix(prefix: string, config: string): string {
  fs.mkdirSync(`${prefix}/logs`, { recursive: true });
  fs.mkdirSync(`${prefix}/tmp`, { recursive: true });
  // Started as root, nginx's workers run as nobody and must reach the cache and temporary files:
  // the prefix and every directory above it. Otherwise every cache lookup fails with a 500
  // ("open() … Permission denied" in the error log), as it did in the benchmark's 0700 temp directory.
  if (process.getuid?.() === 0) {
    fs.chmodSync(prefix, 0o711);
    for (let dir = path.dirname(path.resolve(prefix)); ; dir = path.dirname(dir)) {
      if ((fs.statSync(dir).mode & 0o001) === 0)
        throw new Error(
          `nginx's workers (nobody) cannot enter ${dir}, above the prefix ${prefix}: chmod o+x it first`,
        );
      if (dir === path.dirname(dir)) break;
    }
  }
  const file = `${prefix}/nginx.conf`;
  fs.writeFileSync(file, config);
  return file;
}
