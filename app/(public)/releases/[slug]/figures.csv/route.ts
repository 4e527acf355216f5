// GET /releases/[slug]/figures.csv - a release's figures as CSV (UTF-8 with BOM, so Excel reads Chinese)
import { stringify } from "csv-stringify/sync";
import { conditionalResponse } from "@/lib/http/conditional";
import { routeHandler } from "@/lib/http/route-handler";
import { resolvePublicSlug } from "@/lib/releases/public-slug";
import { getPublishedRelease } from "@/lib/releases/queries";

const COLUMNS = ["key", "label", "display", "value", "unit", "base_value", "base_unit", "qualifier", "section", "highlighted", "record", "record_note", "source_text"];

export const GET = routeHandler(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const resolved = await resolvePublicSlug(slug, getPublishedRelease, (current) => `/releases/${current}/figures.csv`);
  if ("response" in resolved) return resolved.response;
  const { release } = resolved.found;
  const rows = release.figures.map((f) => [
    f.key, f.label, f.display, f.value, f.unit, f.baseValue, f.baseUnit, f.qualifier, f.section ?? "",
    f.highlighted ? "true" : "false", f.isRecord ? "true" : "false", f.recordNote ?? "", f.sourceText ?? "",
  ]);
  const csv = "\uFEFF" + stringify([COLUMNS, ...rows], { record_delimiter: "\r\n" });
  return conditionalResponse(request, csv, {
    contentType: "text/csv; charset=utf-8",
    lastModified: new Date(release.contentUpdatedAt),
    headers: { "content-disposition": `attachment; filename="${slug}-figures.csv"` },
  });
});
