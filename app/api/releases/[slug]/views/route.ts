// POST /api/releases/[slug]/views - counts one view of a published release: { viewCount }
import { clientIp } from "@/lib/auth/client-ip";
import { AppError } from "@/lib/errors";
import { BEACON_BODY_MAX_BYTES, readBody } from "@/lib/http/body-limits";
import { routeHandler } from "@/lib/http/route-handler";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { recordView } from "@/lib/releases/record-view";
import { isValidSlug } from "@/lib/releases/slug";

export const POST = routeHandler(
  async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
    // Only our own release page sends the beacon; other sites and scripts do not count.
    assertSameOrigin(request, { requireBrowser: true });
    await readBody(request, BEACON_BODY_MAX_BYTES);
    const { slug } = await params;
    if (!isValidSlug(slug)) throw new AppError("bad_request", "别名格式无效");
    const viewCount = await recordView(slug, clientIp(request.headers));
    if (viewCount === null) throw new AppError("not_found", "未找到该新闻稿");
    return Response.json({ viewCount }, { headers: { "cache-control": "no-store" } });
  },
);
