// GET /api/releases/[slug] - a published release with its figures
import { AppError } from "@/lib/errors";
import { routeHandler } from "@/lib/http/route-handler";
import { getReleaseJson } from "@/lib/releases/api-queries";
import { isValidSlug } from "@/lib/releases/slug";

// Rendered once per release and served as a static file until the release changes (tags).
export const dynamic = "force-static";
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

export const GET = routeHandler(async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  if (!isValidSlug(slug)) throw new AppError("bad_request", "别名格式无效");
  const found = await getReleaseJson(slug);
  if (!found) throw new AppError("not_found", "未找到该新闻稿");
  if ("redirectTo" in found) {
    return new Response(null, { status: 301, headers: { location: `/api/releases/${found.redirectTo}` } });
  }
  return new Response(found.body, {
    headers: { "content-type": "application/json; charset=utf-8", "last-modified": new Date(found.updatedAt).toUTCString() },
  });
});
