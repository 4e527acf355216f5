import { NextResponse, type NextRequest } from "next/server";
import { strictPolicy } from "./lib/http/security-headers.mjs";
import { publicPathKnown } from "./lib/releases/public-index";
import { firstPageRedirect } from "./lib/releases/page-param";
import { redirectedSlug } from "./lib/releases/slug-redirect-map";
import { isValidSlug } from "./lib/releases/slug";

// The English edition's pages with one segment after /en (app/en): its home is /en itself, and
// the deeper addresses of releases, categories, editions and data go through the index above.
// Everything else under /en is a 404, answered with the English page (app/en/[...missing]) instead
// of Next's one global 404, and with status 404 (that page alone would answer 200).
const ENGLISH_PAGES = new Set(["releases", "editions", "search", "feed.xml", "atom.xml", "feed.json"]);

/** A nonce per request for the pages that are rendered per request; Next puts it on its own scripts. */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (
    pathname.startsWith("/releases/") ||
    pathname.startsWith("/categories/") ||
    pathname.startsWith("/api/releases/") ||
    pathname.startsWith("/editions/") ||
    pathname.startsWith("/data/") ||
    pathname.startsWith("/api/figures/") ||
    pathname.startsWith("/sitemaps/") ||
    pathname.startsWith("/en/releases/") ||
    pathname.startsWith("/en/categories/") ||
    pathname.startsWith("/en/editions/") ||
    pathname.startsWith("/en/data/")
  ) {
    const firstPage = firstPageRedirect(pathname);
    if (firstPage) {
      const target = request.nextUrl.clone();
      target.pathname = firstPage;
      return NextResponse.redirect(target, 301);
    }
    // An old slug of a published release: 301 to its current address (map kept by the cache watcher).
    const english = pathname.startsWith("/en/");
    const [, , slug, ...rest] = english ? pathname.slice(3).split("/") : pathname.split("/");
    // Old slugs are release addresses only: a category may share a word with a retired release slug.
    const current =
      pathname.startsWith("/releases/") || pathname.startsWith("/en/releases/")
        ? redirectedSlug(slug)
        : undefined;
    if (!current) {
      // A slug or page number nobody published is answered here, never rendered: Next would keep
      // each rendered 404 on disk (lib/releases/public-index.ts).
      const apiSlug = pathname.startsWith("/api/releases/") ? rest[0] : undefined;
      if ((apiSlug && redirectedSlug(apiSlug)) || (await publicPathKnown(pathname)))
        return NextResponse.next();
      return notFound(request);
    }
    const target = request.nextUrl.clone();
    target.pathname = [...(english ? ["", "en"] : [""]), "releases", current, ...rest].join("/");
    return NextResponse.redirect(target, 301);
  }
  if (pathname === "/en" || pathname.startsWith("/en/")) {
    const rest = pathname.slice(3).split("/").filter(Boolean);
    const known = rest.length === 0 || (rest.length === 1 && ENGLISH_PAGES.has(rest[0]));
    return known ? NextResponse.next() : notFound(request);
  }
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

/** The one JSON error body for the API and feeds, the site's 404 page (rendered once, static) for pages. */
function notFound(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname.startsWith("/api/") || /\.(xml|json|csv|png)$|^\/data\/[^/]+\/csv$/.test(pathname)) {
    const apiSlug = pathname.startsWith("/api/releases/") ? pathname.split("/")[3] : undefined;
    const [status, code, message] =
      apiSlug !== undefined && !isValidSlug(apiSlug)
        ? [400, "bad_request", "别名格式无效"]
        : [404, "not_found", "未找到该内容"];
    return NextResponse.json(
      { error: { code, message } },
      { status, headers: { "cache-control": "no-store" } },
    );
  }
  // English addresses get the English 404 (app/en/[...missing]), the others the site's one.
  const page = pathname.startsWith("/en/") ? "/en/not-found" : "/_not-found";
  return NextResponse.rewrite(new URL(page, request.url), {
    status: 404,
    headers: { "cache-control": "no-store" },
  });
}

// /releases/*, /categories/*, /api/releases/*: old slugs, and slugs or pages that do not exist;
// /editions/*, /data/*, /api/figures/*: years and figure keys that have no public page;
// /sitemaps/releases/<n>.xml: files past the last one; under /en the same for English releases,
// categories (pages counted in English releases), years and figure keys
// (in-memory lookups; measured: no change in requests/s on release pages).
export const config = {
  matcher: [
    "/admin/:path*",
    "/signin",
    "/preview/:path*",
    "/releases/:slug/:rest*",
    "/categories/:slug/:rest*",
    "/api/releases/:slug/:rest*",
    "/editions/:year/:rest*",
    "/data/:key/:rest*",
    "/api/figures/:key/:rest*",
    "/sitemaps/:path*",
    "/en/releases/:slug/:rest*",
    "/en/categories/:slug/:rest*",
    "/en/editions/:year/:rest*",
    "/en/data/:key/:rest*",
    "/en",
    "/en/:path*",
  ],
};
