// POST /api/admin/releases/import/analyze - propose a draft (multipart: text or file, keepOriginalScript) -> the proposal
import { AppError } from "@/lib/errors";
import { adminRoute } from "@/lib/http/admin-route";
import { importBodyMaxBytes, readFormBody } from "@/lib/http/body-limits";
import { proposeImport } from "@/lib/import/import-release";

export const POST = adminRoute(
  async ({ actor, request }) => {
    // adminRoute has refused a request without a session before this reads a byte.
    const form = await readFormBody(request, importBodyMaxBytes());
    const file = form.get("file");
    const text = form.get("text");
    if (!(file instanceof File) && typeof text !== "string")
      throw new AppError("bad_request", "请粘贴稿件文字或选择文件");
    return proposeImport(actor, {
      text: typeof text === "string" ? text : null,
      file:
        file instanceof File ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null,
      keepOriginalScript: form.get("keepOriginalScript") === "true",
    });
  },
  { readsBody: "self" },
);
