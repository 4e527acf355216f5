// GET /releases/[slug]/figures.csv - a release's figures as CSV (UTF-8 with BOM, so Excel reads Chinese)
import { figuresCsvResponse } from "@/lib/figures/figures-csv-response";
import { routeHandler } from "@/lib/http/route-handler";
import { resolvePublicSlug } from "@/lib/releases/public-slug";
import { getPublishedRelease } from "@/lib/releases/queries";

export const GET = routeHandler(
  async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
    const resolved = await resolvePublicSlug(
      (await params).slug,
      getPublishedRelease,
      (current) => `/releases/${current}/figures.csv`,
    );
    return "response" in resolved ? resolved.response : figuresCsvResponse(request, resolved.found.release);
  },
);
