import { NextResponse, type NextRequest } from "next/server";
import { strictPolicy } from "./lib/http/security-headers.mjs";

/** A nonce per request for the pages that are rendered per request; Next puts it on its own scripts. */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = strictPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  response.headers.set("x-frame-options", "DENY");
  response.headers.set("cache-control", "no-store");
  return response;
}

export const config = { matcher: ["/admin/:path*", "/signin", "/preview/:path*"] };
