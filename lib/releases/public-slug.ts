import { AppError } from "../errors";
import { isValidSlug } from "./slug";

type Moved = { redirectTo: string };

/**
 * How every public route answers a slug: 400 when malformed, 404 when unknown or not public,
 * 301 to the same resource under the current slug when it moved, otherwise what `find` found.
 */
export async function resolvePublicSlug<T extends object>(
  slug: string,
  find: (slug: string) => Promise<T | Moved | null>,
  movedTo: (currentSlug: string) => string,
): Promise<{ found: T } | { response: Response }> {
  if (!isValidSlug(slug)) throw new AppError("bad_request", "别名格式无效");
  const found = await find(slug);
  if (!found) throw new AppError("not_found", "未找到该新闻稿");
  if ("redirectTo" in found) {
    return {
      response: new Response(null, { status: 301, headers: { location: movedTo(found.redirectTo) } }),
    };
  }
  return { found };
}
