/**
 * The client's address, for the per-address sign-in limit. Next puts the socket address in
 * X-Forwarded-For when the request has none. Behind a reverse proxy (TRUST_PROXY=1) the right-most
 * entry is the address the proxy saw, which a client cannot forge; without one, a client could send
 * its own header, so production deployments should sit behind a proxy (README).
 */
export function clientIp(headers: Headers | Record<string, string | string[] | undefined>): string {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  const hops = (value ?? "").split(",").map((h) => h.trim()).filter(Boolean);
  if (!hops.length) return "unknown";
  return process.env.TRUST_PROXY === "1" ? hops[hops.length - 1] : hops[0];
}
