import { conditionalResponse } from "../http/conditional";
import type { PublicRelease } from "../releases/public-dto";
import { figuresToCsv } from "./figures-csv";

/**
 * The answer of /releases/[slug]/figures.csv and /en/releases/[slug]/figures.csv: the release's
 * figures as CSV. An English release states its original's rows, whose corrections do not move the
 * translation's own date: it goes by its ETag alone, never a stale Last-Modified.
 */
export function figuresCsvResponse(request: Request, release: PublicRelease): Response {
  return conditionalResponse(request, figuresToCsv(release.figures), {
    contentType: "text/csv; charset=utf-8",
    lastModified: release.locale === "en" ? undefined : new Date(release.contentUpdatedAt),
    headers: { "content-disposition": `attachment; filename="${release.slug}-figures.csv"` },
  });
}
