import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NginxConfigError, nginxConfig, parseNginxConfigArgs } from "@/lib/deploy/nginx-config";
import { ensureNginx, NGINX_PATH, writeNginxPrefix } from "@/scripts/ensure-nginx";

const base = {
  listen: "127.0.0.1:8080",
  upstreams: ["127.0.0.1:3000", "10.0.0.2:3000"],
  prefix: "/srv/front",
};

describe("nginxConfig", () => {
  const config = nginxConfig(base);

  it("balances over every upstream with keepalive and retries idempotent requests on the other", () => {
    expect(config).toContain("server 127.0.0.1:3000 max_fails=1 fail_timeout=5s;");
    expect(config).toContain("server 10.0.0.2:3000 max_fails=1 fail_timeout=5s;");
    expect(config).toMatch(/keepalive 64;/);
    expect(config).toContain("proxy_next_upstream error timeout http_502 http_503 http_504;");
    expect(config).not.toContain("non_idempotent");
  });

  it("keeps pid, logs, cache and temporary files under the prefix and loads the purge module", () => {
    expect(config).toContain("pid /srv/front/nginx.pid;");
    expect(config).toContain("error_log /srv/front/logs/error.log");
    expect(config).toContain("proxy_cache_path /srv/front/cache ");
    expect(config).toContain("load_module /usr/lib/nginx/modules/ngx_http_cache_purge_module.so;");
    for (const line of config.split("\n").filter((l) => /_path |^pid |error_log /.test(l.trim())))
      expect(line).toContain("/srv/front/");
  });

  it("purges by the same key it caches under, only from the upstreams' addresses", () => {
    expect(config).toContain('proxy_cache_key "$uri|$pressroom_encoding";');
    expect(config).toContain('proxy_cache_purge pressroom "$pressroom_purge_path|$pressroom_encoding";');
    const purge = config.slice(config.indexOf("location ~ ^/_purge"));
    expect(purge.slice(0, purge.indexOf("}"))).toMatch(
      /allow 127\.0\.0\.1;\s+allow 10\.0\.0\.2;\s+deny all;/,
    );
  });

  it("passes staff, sign-in, previews and session cookies straight through and sets X-Forwarded-For", () => {
    expect(config).toContain("location ~ ^/(admin|api/admin|api/auth|signin|preview)(/|$) {");
    expect(config).toContain('"~next-auth\\.session-token" 1;');
    expect(config).toContain("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;");
    expect(config).toContain("proxy_cache_use_stale updating error timeout");
    expect(config).toContain("proxy_cache_lock on;");
  });

  it("refuses hostile or malformed arguments instead of writing them into the config", () => {
    const bad: Array<Partial<typeof base>> = [
      { prefix: '/tmp/x"; include /etc/passwd; #' },
      { prefix: "/tmp/$host" },
      { prefix: "/tmp/a b" },
      { prefix: "" },
      { listen: "127.0.0.1" },
      { listen: "127.0.0.1:70000" },
      { listen: "evil;host:80" },
      { upstreams: [] },
      { upstreams: ["app.internal:3000"] },
      { upstreams: ["127.0.0.1:3000; server 6.6.6.6:80"] },
    ];
    for (const override of bad) expect(() => nginxConfig({ ...base, ...override })).toThrow(NginxConfigError);
  });

  it("parses the command line and names what is missing", () => {
    expect(
      parseNginxConfigArgs([
        "--listen",
        "0.0.0.0:80",
        "--upstream",
        "::1:3000",
        "--prefix",
        "/p",
        "--no-access-log",
      ]),
    ).toEqual({ listen: "0.0.0.0:80", upstreams: ["::1:3000"], prefix: "/p", accessLog: false });
    expect(() => parseNginxConfigArgs(["--prefix", "/p"])).toThrow("--listen");
    expect(() => parseNginxConfigArgs(["--listen", "1.2.3.4:80", "--bogus"])).toThrow("未知参数");
    expect(() => parseNginxConfigArgs(["--listen", "--prefix"])).toThrow("需要一个值");
  });

  it("is accepted by nginx -t, with and without comments", () => {
    ensureNginx();
    for (const comments of [false, true]) {
      const prefix = fs.mkdtempSync(path.join(os.tmpdir(), "pressroom-nginx-"));
      try {
        const file = writeNginxPrefix(prefix, nginxConfig({ ...base, prefix, comments }));
        const output = execFileSync(NGINX_PATH, ["-t", "-p", prefix, "-c", file], {
          encoding: "utf8",
          stdio: ["ignore", "pipe", "pipe"],
        });
        expect(output).toBe("");
      } finally {
        fs.rmSync(prefix, { recursive: true, force: true });
      }
    }
  });

  it("matches deploy/nginx/pressroom.conf, its output for the typical two-server setup", () => {
    const shipped = fs.readFileSync(
      path.resolve(import.meta.dirname, "../../deploy/nginx/pressroom.conf"),
      "utf8",
    );
    expect(shipped).toBe(
      nginxConfig({
        listen: "0.0.0.0:80",
        upstreams: ["127.0.0.1:3001", "127.0.0.1:3002"],
        prefix: "/var/lib/pressroom-nginx",
        comments: true,
      }),
    );
  });
});
