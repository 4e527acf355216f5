import { cachedLookup } from "../cache/cached-query";
import { AppError } from "../errors";
import { conditionalResponse, SHARED_CACHE_SECONDS } from "../http/conditional";
import { routeHandler } from "../http/route-handler";
import { isValidSlug } from "../releases/slug";
import { loadFeedChannel } from "./feed-entries";
import { toAtom, toJsonFeed, toRss } from "./serialize";

export type FeedFormat = "rss" | "atom" | "json";

const CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  json: "application/feed+json; charset=utf-8",
};
const GENERATOR = "Pressroom";

/** The serialised feed, built once per content change (the data cache holds the text). */
const getFeed = cachedLookup("feed", async (format: FeedFormat, categorySlug?: string) => {
  const channel = await loadFeedChannel(categorySlug);
  if (!channel) return null;
  const body =
    format === "rss"
      ? toRss(channel, GENERATOR)
      : format === "atom"
        ? toAtom(channel, GENERATOR)
        : toJsonFeed(channel);
  return { body, updated: channel.updated.toISOString() };
});

// Site-wide feed routes have no params at all (undefined, not an empty object).
type Context = { params?: Promise<{ slug?: string }> };

/** GET handler for one feed format, site-wide or (with a [slug] param) for one category. */
export function feedRoute(format: FeedFormat) {
  return routeHandler(async (request: Request, context: Context) => {
    const slug = (await context.params)?.slug;
    if (slug !== undefined && !isValidSlug(slug)) throw new AppError("not_found", "未找到该分类");
    const feed = await getFeed(format, slug);
    if (!feed) throw new AppError("not_found", "未找到该分类");
    const updated = new Date(feed.updated);
    return conditionalResponse(request, feed.body, {
      contentType: CONTENT_TYPES[format],
      lastModified: updated.getTime() > 0 ? updated : undefined,
      cacheControl: `public, max-age=60, s-maxage=${SHARED_CACHE_SECONDS}, must-revalidate`,
    });
  });
}
