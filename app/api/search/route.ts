// GET /api/search?q=&limit=&cursor= - public releases matching a query, best first: { items, nextCursor }
import { routeHandler } from "@/lib/http/route-handler";
import { parseSearchParams } from "@/lib/search/search-request";
import { searchPublicReleases } from "@/lib/search/search-releases";
import { snippetHtml } from "@/lib/search/snippet";

// Every answer is computed: a query is a client-chosen key, so nothing here is shared-cacheable
// (the response cache bypasses unknown query strings anyway: lib/http/response-cache.ts).
export const dynamic = "force-dynamic";

export const GET = routeHandler(async (request: Request) => {
  const { q, limit, cursor, ...filters } = parseSearchParams(new URL(request.url).searchParams);
  const page = await searchPublicReleases({ q, filters, limit, offset: cursor });
  const items = page.hits.map((hit) => ({
    slug: hit.slug,
    title: hit.title,
    summary: hit.summary,
    // Escaped text with the matches in <mark>: safe to insert as HTML.
    snippet: snippetHtml(hit.snippet),
    publishedAt: hit.publishAt,
    locale: hit.locale,
  }));
  return Response.json({ items, nextCursor: page.nextCursor }, { headers: { "cache-control": "no-store" } });
});
