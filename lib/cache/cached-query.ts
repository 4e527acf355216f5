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
export function cachedQuery<Args extends unknown[], Result>(
  name: string,
  query: (...args: Args) => Promise<Result>,
) {
  return cache(unstable_cache(query, [name], { tags: PUBLIC_TAGS, revalidate: MAX_AGE_SECONDS }));
}

const MISS = Symbol.for("pressroom.cache-miss");

/**
 * A cached lookup by a key a client chooses (a slug): found results are cached like cachedQuery,
 * misses (null) are not, so made-up keys never become entries in the data cache, which lives on
 * disk and is never cleaned up. A miss costs one query each time instead.
 */
export function cachedLookup<Args extends unknown[], Result>(
  name: string,
  query: (...args: Args) => Promise<Result | null>,
) {
  const cached = cachedQuery(name, async (...args: Args): Promise<Result> => {
    const result = await query(...args);
    // Thrown, so unstable_cache stores nothing.
    if (result === null) throw Object.assign(new Error(`${name}: not found`), { [MISS]: true });
    return result;
  });
  return async (...args: Args): Promise<Result | null> => {
    try {
      return await cached(...args);
    } catch (error) {
      if (typeof error === "object" && error !== null && MISS in error) return null;
      throw error;
    }
  };
}
