// POST /api/admin/media - upload an image (multipart: file, alt, caption, credit) -> the media record
import { AppError } from "@/lib/errors";
import { adminRoute } from "@/lib/http/admin-route";
import { mediaBodyMaxBytes, readFormBody } from "@/lib/http/body-limits";
import { uploadMedia } from "@/lib/media/upload-media";

export const POST = adminRoute(
  async ({ actor, request }) => {
    // adminRoute has refused a request without a session before this reads a byte.
    const form = await readFormBody(request, mediaBodyMaxBytes());
    const file = form.get("file");
    if (!(file instanceof File)) throw new AppError("bad_request", "请选择要上传的图片");
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === "string" ? value : undefined;
    };
    const media = await uploadMedia(
      actor,
      { bytes: Buffer.from(await file.arrayBuffer()), name: file.name },
      { alt: text("alt") ?? "", caption: text("caption"), credit: text("credit") },
    );
    return {
      id: media.id,
      url: `/media/${media.id}`,
      alt: media.alt,
      caption: media.caption,
      credit: media.credit,
      width: media.width,
      height: media.height,
    };
  },
  { readsBody: "self" },
);
