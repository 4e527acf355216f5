// POST /api/releases/[slug]/views - counts one view of a published release: { viewCount }
import { AppError } from "@/lib/errors";
import { routeHandler } from "@/lib/http/route-handler";
import { recordView } from "@/lib/releases/record-view";
import { isValidSlug } from "@/lib/releases/slug";

export const POST = routeHandler(async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  if (!isValidSlug(slug)) throw new AppError("bad_request", "别名格式无效");
  const viewCount = await recordView(slug);
  if (viewCount === null) throw new AppError("not_found", "未找到该新闻稿");
  return Response.json({ viewCount }, { headers: { "cache-control": "no-store" } });
});
