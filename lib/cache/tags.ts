// Cache tags of public data. Every public query carries PUBLIC plus what it reads, and every
// mutation names what it touched, so a change refreshes exactly the pages that show it.
export const CACHE_TAGS = {
  public: "public",
  releases: "releases",
  release: (id: string) => `release:${id}`,
  categories: "categories",
} as const;

export function releaseTags(releaseId: string): string[] {
  return [CACHE_TAGS.releases, CACHE_TAGS.release(releaseId)];
}
