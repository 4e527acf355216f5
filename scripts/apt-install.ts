import { execFileSync } from "node:child_process";
import { StartupError } from "../lib/database/startup-error";

/**
 * Installs Debian packages the tests or benchmarks need (Chromium, nginx, wrk) when they are
 * missing: with apt-get when root, else a clear message of what to run.
 */
export function aptInstall(packages: string[], missing: string, alternative = "") {
  if (process.getuid?.() !== 0)
    throw new StartupError(
      `${missing} missing. Install them once with: sudo apt-get install -y ${packages.join(" ")}${alternative}`,
    );
  console.log(`Installing ${packages.join(", ")} with apt-get (once) ...`);
  execFileSync("apt-get", ["update"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "--no-install-recommends", ...packages], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}
