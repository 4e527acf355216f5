// GET /api/releases - published releases, newest first: { items, nextCursor }
import { z } from "zod";
import { AppError, fieldIssues } from "@/lib/errors";
import { conditionalResponse } from "@/lib/http/conditional";
import { routeHandler } from "@/lib/http/route-handler";
import { getCategories } from "@/lib/categories/queries";
import { getReleaseListJson, releaseListJson } from "@/lib/releases/api-queries";
import { slugSchema } from "@/lib/releases/slug";

const querySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce
    .number({ message: "limit 必须是数字" })
    .int("limit 必须是整数")
    .min(1, "limit 最小为 1")
    .max(50, "limit 最大为 50")
    .default(20),
  category: slugSchema.optional(),
});

export const GET = routeHandler(async (request: Request) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = querySchema.safeParse(params);
  if (!parsed.success)
    throw new AppError("bad_request", "查询参数无效", { fields: fieldIssues(parsed.error) });
  const { cursor, limit, category } = parsed.data;
  // Checked against the (one, cached) category list, so a made-up category is not a cache key.
  if (category && !(await getCategories()).some((c) => c.slug === category))
    throw new AppError("not_found", "未找到该分类");
  const body = cursor
    ? await releaseListJson(cursor, limit, category)
    : await getReleaseListJson(limit, category);
  return conditionalResponse(request, body, { contentType: "application/json; charset=utf-8" });
});
