import { cache } from "react";
import { unstable_cache } from "next/cache";
import { PUBLIC_TAGS } from "./tags";

// Safety net only: content changes refresh caches by tag within a second; this bounds the age of
// an entry should an invalidation ever be missed.
const MAX_AGE_SECONDS = 3600;

/**
 * A public read, cached across requests in Next's data cache (tagged, so mutations refresh it)
 * and deduplicated within one render (React cache: a page and its generateMetadata share one call).
 */
export function cachedQuery<Args extends unknown[], Result>(name: string, query: (...args: Args) => Promise<Result>) {
  return cache(unstable_cache(query, [name], { tags: PUBLIC_TAGS, revalidate: MAX_AGE_SECONDS }));
}
