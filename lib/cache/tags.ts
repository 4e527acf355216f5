// Cache tags of public data. Every public query carries both; a release change refreshes RELEASES,
// a change of categories or a restart refreshes PUBLIC. The site is small enough that re-rendering
// every release page after an edit costs a few milliseconds each, on their next visit.
export const CACHE_TAGS = {
  public: "public",
  releases: "releases",
} as const;

export const PUBLIC_TAGS = [CACHE_TAGS.public, CACHE_TAGS.releases];
