import { cachedLookup, cachedQuery } from "../cache/cached-query";
import { getConfig } from "../config";
import { toApiRelease, toApiSummary } from "./api-dto";
import { findPublishedRelease, listReleasesAfter } from "./queries";

// The JSON API caches its serialised bodies, not the data: a cached request is then a string
// lookup and a hash, with no JSON parse and stringify of a whole release each time.

export const getReleaseJson = cachedLookup(
  "release-json",
  async (slug: string): Promise<{ body: string; updatedAt: string } | { redirectTo: string } | null> => {
    const found = await findPublishedRelease(slug);
    if (!found) return null;
    if ("redirectTo" in found) return { redirectTo: found.redirectTo };
    return {
      body: JSON.stringify(toApiRelease(found.release, getConfig().siteUrl)),
      updatedAt: found.release.contentUpdatedAt,
    };
  },
);

/** A page of the list as JSON; pages after a cursor are not cached (below). */
export async function releaseListJson(
  cursor: string | undefined,
  limit: number,
  categorySlug: string | undefined,
) {
  const page = await listReleasesAfter({ cursor, limit, categorySlug });
  const siteUrl = getConfig().siteUrl;
  return JSON.stringify({
    items: page.items.map((r) => toApiSummary(r, siteUrl)),
    nextCursor: page.nextCursor,
  });
}

// Only first pages are cached: their keys (limit 1-50, an existing category) are bounded, while
// every cursor is a new key a client could make up, and each would stay on disk (issue #9).
export const getReleaseListJson = cachedQuery(
  "release-list-json",
  (limit: number, categorySlug: string | undefined) => releaseListJson(undefined, limit, categorySlug),
);
