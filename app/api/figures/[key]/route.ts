// GET /api/figures/[key] - one figure across editions: { key, label, baseUnit, series }, newest first, public releases only
import { getFigureSeries } from "@/lib/editions/queries";
import { figureSeriesJson } from "@/lib/editions/series-export";
import { AppError } from "@/lib/errors";
import { figureKeySchema } from "@/lib/figures/registry-schema";
import { routeHandler } from "@/lib/http/route-handler";

// Rendered once per key and served as a static file until public content changes (tags).
export const dynamic = "force-static";
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

export const GET = routeHandler(
  async (_request: Request, { params }: { params: Promise<{ key: string }> }) => {
    const { key } = await params;
    if (!figureKeySchema.safeParse(key).success) throw new AppError("not_found", "未找到该数据");
    const series = await getFigureSeries(key);
    if (!series) throw new AppError("not_found", "未找到该数据");
    return Response.json(figureSeriesJson(series), {
      headers: { "content-type": "application/json; charset=utf-8" },
    });
  },
);
