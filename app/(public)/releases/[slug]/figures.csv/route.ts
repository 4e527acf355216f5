// GET /releases/[slug]/figures.csv - a release's figures as CSV (UTF-8 with BOM, so Excel reads Chinese)
import { stringify } from "csv-stringify/sync";
import { AppError } from "@/lib/errors";
import { conditionalResponse } from "@/lib/http/conditional";
import { routeHandler } from "@/lib/http/route-handler";
import { getPublishedRelease } from "@/lib/releases/queries";
import { isValidSlug } from "@/lib/releases/slug";

const COLUMNS = ["key", "label", "display", "value", "unit", "base_value", "base_unit", "qualifier", "section", "highlighted", "record", "record_note", "source_text"];

export const GET = routeHandler(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  if (!isValidSlug(slug)) throw new AppError("bad_request", "别名格式无效");
  const found = await getPublishedRelease(slug);
  if (!found) throw new AppError("not_found", "未找到该新闻稿");
  if ("redirectTo" in found) {
    return new Response(null, { status: 301, headers: { location: `/releases/${found.redirectTo}/figures.csv` } });
  }
  const rows = found.release.figures.map((f) => [
    f.key, f.label, f.display, f.value, f.unit, f.baseValue, f.baseUnit, f.qualifier, f.section ?? "",
    f.highlighted ? "true" : "false", f.isRecord ? "true" : "false", f.recordNote ?? "", f.sourceText ?? "",
  ]);
  const csv = "\uFEFF" + stringify([COLUMNS, ...rows], { record_delimiter: "\r\n" });
  return conditionalResponse(request, csv, {
    contentType: "text/csv; charset=utf-8",
    lastModified: new Date(found.release.contentUpdatedAt),
    headers: { "content-disposition": `attachment; filename="${slug}-figures.csv"` },
  });
});
