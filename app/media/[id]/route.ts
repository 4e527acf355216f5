// GET /media/[id] - an uploaded image
import { AppError } from "@/lib/errors";
import { routeHandler } from "@/lib/http/route-handler";
import { readMediaFile } from "@/lib/media/upload-media";

export const GET = routeHandler(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const file = await readMediaFile((await params).id);
  if (!file) throw new AppError("not_found", "未找到该图片");
  return new Response(new Uint8Array(file.bytes), {
    headers: { "content-type": file.mimeType, "cache-control": "public, max-age=31536000, immutable", "x-content-type-options": "nosniff" },
  });
});
