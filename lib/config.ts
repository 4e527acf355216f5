import "server-only";
import net from "node:net";
import path from "node:path";
import { z } from "zod";

/**
 * TRUST_PROXY: unset or 0 = no proxy (the socket's address counts); <n> = n reverse proxies in front,
 * each appending to X-Forwarded-For; or a comma-separated list of the proxies' addresses/CIDRs.
 */
export type TrustProxy =
  | { kind: "none" }
  | { kind: "hops"; hops: number }
  | { kind: "cidrs"; cidrs: Array<{ address: string; prefix: number; family: "ipv4" | "ipv6" }> };

export const trustProxySchema = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx): TrustProxy => {
    if (!value || value === "0") return { kind: "none" };
    if (/^\d+$/.test(value)) {
      const hops = Number(value);
      if (hops > 10) ctx.addIssue({ code: "custom", message: "at most 10 proxy hops" });
      return { kind: "hops", hops };
    }
    const cidrs = value.split(",").map((entry) => {
      const [address, bits, ...extra] = entry.trim().split("/");
      const version = net.isIP(address ?? "");
      const max = version === 6 ? 128 : 32;
      const prefix = bits === undefined ? max : Number(bits);
      if (!version || extra.length || !/^\d+$/.test(bits ?? String(max)) || prefix > max) {
        ctx.addIssue({
          code: "custom",
          message: `"${entry.trim()}" is neither a number of hops nor an IP address or CIDR (e.g. 1, or 10.0.0.0/8,::1)`,
        });
      }
      return {
        address: address ?? "",
        prefix,
        family: version === 6 ? ("ipv6" as const) : ("ipv4" as const),
      };
    });
    return { kind: "cidrs", cidrs };
  });

/**
 * HTTP_CACHE_PURGE: the front caches the app purges on every public change, "kind=url,…"
 * (e.g. nginx=http://127.0.0.1:6081). Only the nginx adapter exists (lib/cache/http-cache-purge.ts).
 */
export const FRONT_CACHE_KINDS = ["nginx"] as const;
export type FrontCacheTarget = { kind: (typeof FRONT_CACHE_KINDS)[number]; url: string };

export const httpCachePurgeSchema = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx): FrontCacheTarget[] => {
    if (!value) return [];
    return value.split(",").flatMap((entry) => {
      const [kind, ...rest] = entry.trim().split("=");
      const url = rest.join("=");
      const known = (FRONT_CACHE_KINDS as readonly string[]).includes(kind ?? "");
      let parsed: URL | null = null;
      try {
        parsed = new URL(url);
      } catch {
        parsed = null;
      }
      if (!known || !parsed || !/^https?:$/.test(parsed.protocol) || parsed.search || parsed.hash) {
        ctx.addIssue({
          code: "custom",
          message: `"${entry.trim()}" is not <kind>=<http(s) URL> with a known kind (${FRONT_CACHE_KINDS.join(", ")}), e.g. nginx=http://127.0.0.1:6081`,
        });
        return [];
      }
      return [{ kind: kind as FrontCacheTarget["kind"], url: parsed.href.replace(/\/+$/, "") }];
    });
  });

// Environment, read once and validated. Every variable is documented in the README.
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  PRESSROOM_DATA_DIR: z.string().default(".data"),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  SITE_URL: z.string().url().default("http://localhost:3000"),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(10).optional(),
  MEDIA_DIR: z.string().optional(),
  MEDIA_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  MEDIA_STORAGE: z.enum(["fs", "s3"]).default("fs"),
  MEDIA_DELIVERY: z.enum(["app", "redirect"]).default("app"),
  MEDIA_SIGNED_URL_SECONDS: z.coerce.number().int().min(10).max(3600).default(300),
  MEDIA_S3_BUCKET: z.string().trim().min(3).max(63).optional(),
  MEDIA_S3_ENDPOINT: z.string().url().optional(),
  MEDIA_S3_REGION: z.string().trim().min(1).default("us-east-1"),
  MEDIA_S3_FORCE_PATH_STYLE: z
    .enum(["1", "0", "true", "false"])
    .default("0")
    .transform((value) => value === "1" || value === "true"),
  CACHE_POLL_MS: z.coerce.number().int().min(200).default(1000),
  RESPONSE_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(32),
  TRUST_PROXY: trustProxySchema,
  // Operations (lib/http/ops-endpoints.ts): /metrics on its own listener, or with a token on PORT.
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  METRICS_HOST: z.string().default("127.0.0.1"),
  METRICS_TOKEN: z.string().min(16).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  HTTP_CACHE_PURGE: httpCachePurgeSchema,
});

export type Config = z.infer<typeof envSchema> & { dataDir: string; mediaDir: string; siteUrl: string };

function readConfig(): Config {
  const raw = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== ""));
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration: ${lines.join("; ")}`);
  }
  const env = parsed.data;
  if (env.MEDIA_STORAGE === "s3" && !env.MEDIA_S3_BUCKET)
    throw new Error("Invalid configuration: MEDIA_S3_BUCKET is required when MEDIA_STORAGE=s3");
  // The fs driver has no URL of its own to sign: its images can only go through the app.
  if (env.MEDIA_DELIVERY === "redirect" && env.MEDIA_STORAGE !== "s3")
    throw new Error("Invalid configuration: MEDIA_DELIVERY=redirect needs MEDIA_STORAGE=s3");
  // turbopackIgnore: these are runtime directories, not files of the build.
  const dataDir = path.resolve(/*turbopackIgnore: true*/ env.PRESSROOM_DATA_DIR);
  return {
    ...env,
    dataDir,
    mediaDir: path.resolve(/*turbopackIgnore: true*/ env.MEDIA_DIR ?? path.join(dataDir, "media")),
    siteUrl: env.SITE_URL.replace(/\/+$/, ""),
  };
}

let cached: Config | undefined;
export function getConfig(): Config {
  cached ??= readConfig();
  return cached;
}
