/**
 * The client's address. Behind a reverse proxy set TRUST_PROXY=1 so X-Forwarded-For is believed;
 * otherwise anyone could pick their own address and dodge the per-IP limit.
 */
export function clientIp(headers: Headers | Record<string, string | string[] | undefined>): string {
  const get = (name: string) => {
    if (headers instanceof Headers) return headers.get(name);
    const value = headers[name];
    return Array.isArray(value) ? value[0] : (value ?? null);
  };
  if (process.env.TRUST_PROXY === "1") {
    const forwarded = get("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return get("x-real-ip") ?? get("x-pressroom-peer") ?? "local";
}
