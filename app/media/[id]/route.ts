// GET /media/[id] - an uploaded image: to readers once a public release uses it, to staff always
import { getCurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { routeHandler } from "@/lib/http/route-handler";
import { mediaResponse, readMediaFile } from "@/lib/media/read-media";

export const GET = routeHandler(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const file = await readMediaFile((await params).id, getCurrentUser);
  const response = file && (await mediaResponse(request, file));
  if (!response) throw new AppError("not_found", "未找到该图片");
  return response;
});
