// GET /api/releases/[slug] - a published release with its figures
import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { conditionalResponse } from "@/lib/http/conditional";
import { routeHandler } from "@/lib/http/route-handler";
import { toApiRelease } from "@/lib/releases/api-dto";
import { getPublishedRelease } from "@/lib/releases/queries";
import { isValidSlug } from "@/lib/releases/slug";

export const GET = routeHandler(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  if (!isValidSlug(slug)) throw new AppError("bad_request", "别名格式无效");
  const found = await getPublishedRelease(slug);
  if (!found) throw new AppError("not_found", "未找到该新闻稿");
  if ("redirectTo" in found) {
    return new Response(null, { status: 301, headers: { location: `/api/releases/${found.redirectTo}` } });
  }
  const release = found.release;
  return conditionalResponse(request, JSON.stringify(toApiRelease(release, getConfig().siteUrl)), {
    contentType: "application/json; charset=utf-8",
    lastModified: new Date(release.contentUpdatedAt),
  });
});
