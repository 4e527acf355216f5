// GET /releases/[slug]/figures.csv - a release's figures as CSV (UTF-8 with BOM, so Excel reads Chinese)
import { figuresToCsv } from "@/lib/figures/figures-csv";
import { conditionalResponse } from "@/lib/http/conditional";
import { routeHandler } from "@/lib/http/route-handler";
import { resolvePublicSlug } from "@/lib/releases/public-slug";
import { getPublishedRelease } from "@/lib/releases/queries";

export const GET = routeHandler(
  async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
    const { slug } = await params;
    const resolved = await resolvePublicSlug(
      slug,
      getPublishedRelease,
      (current) => `/releases/${current}/figures.csv`,
    );
    if ("response" in resolved) return resolved.response;
    const { release } = resolved.found;
    return conditionalResponse(request, figuresToCsv(release.figures), {
      contentType: "text/csv; charset=utf-8",
      lastModified: new Date(release.contentUpdatedAt),
      headers: { "content-disposition": `attachment; filename="${slug}-figures.csv"` },
    });
  },
);
