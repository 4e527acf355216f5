// GET /api/releases/[slug] - a published release with its figures
import { routeHandler } from "@/lib/http/route-handler";
import { getReleaseJson } from "@/lib/releases/api-queries";
import { resolvePublicSlug } from "@/lib/releases/public-slug";

// Rendered once per release and served as a static file until the release changes (tags).
export const dynamic = "force-static";
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

export const GET = routeHandler(
  async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
    const { slug } = await params;
    const resolved = await resolvePublicSlug(slug, getReleaseJson, (current) => `/api/releases/${current}`);
    if ("response" in resolved) return resolved.response;
    const found = resolved.found;
    return new Response(found.body, {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "last-modified": new Date(found.updatedAt).toUTCString(),
      },
    });
  },
);
