// GET /data/[key]/csv - one figure across editions as CSV (UTF-8 with BOM, so Excel reads Chinese)
import { getFigureSeries } from "@/lib/editions/queries";
import { figureSeriesCsv } from "@/lib/editions/series-export";
import { AppError } from "@/lib/errors";
import { figureKeySchema } from "@/lib/figures/registry-schema";
import { conditionalResponse } from "@/lib/http/conditional";
import { routeHandler } from "@/lib/http/route-handler";

export const GET = routeHandler(
  async (request: Request, { params }: { params: Promise<{ key: string }> }) => {
    const { key } = await params;
    if (!figureKeySchema.safeParse(key).success) throw new AppError("not_found", "未找到该数据");
    const series = await getFigureSeries(key);
    if (!series) throw new AppError("not_found", "未找到该数据");
    return conditionalResponse(request, figureSeriesCsv(series), {
      contentType: "text/csv; charset=utf-8",
      headers: { "content-disposition": `attachment; filename="${key}-editions.csv"` },
    });
  },
);
