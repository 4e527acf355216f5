// GET /en/releases/[slug]/figures.csv - an English release's figures as CSV: its original's stored
// rows, with the English labels and wording of the English page.
import { figuresCsvResponse } from "@/lib/figures/figures-csv-response";
import { routeHandler } from "@/lib/http/route-handler";
import { releasePath } from "@/lib/i18n/paths";
import { getEnglishRelease } from "@/lib/releases/english-queries";
import { resolvePublicSlug } from "@/lib/releases/public-slug";

export const GET = routeHandler(
  async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
    const resolved = await resolvePublicSlug(
      (await params).slug,
      getEnglishRelease,
      (current) => `${releasePath("en", current)}/figures.csv`,
    );
    return "response" in resolved ? resolved.response : figuresCsvResponse(request, resolved.found.release);
  },
);
