import { AppError } from "../errors";

/**
 * A state-changing request must come from our own pages: browsers always send Origin with a
 * cross-site POST, and Sec-Fetch-Site with every request. `requireBrowser` also refuses requests
 * that carry neither (scripts), for endpoints only our own pages call, like the view beacon.
 */
export function assertSameOrigin(request: Request, options: { requireBrowser?: boolean } = {}) {
  if (request.method === "GET" || request.method === "HEAD") return;
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const fetchSite = request.headers.get("sec-fetch-site");
  if (origin) {
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (originHost !== host) throw new AppError("forbidden", "请求来源无效");
  } else if (fetchSite === "cross-site" || options.requireBrowser) {
    throw new AppError("forbidden", "请求来源无效");
  }
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none" && options.requireBrowser) {
    throw new AppError("forbidden", "请求来源无效");
  }
}
