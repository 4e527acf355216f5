import "server-only";
import { db } from "../db";
import { publicReleaseWhere } from "../publication/visibility";

// Old slug -> current slug of public releases, held in memory so the proxy can answer old URLs
// with a 301 without touching the database. The cache watcher reloads it after every change.
const store: typeof globalThis & { __pressroomSlugRedirects?: Map<string, string> } = globalThis;

export function redirectedSlug(slug: string): string | undefined {
  return store.__pressroomSlugRedirects?.get(slug);
}

export async function loadSlugRedirects(): Promise<void> {
  const rows = await db.slugRedirect.findMany({
    where: { release: publicReleaseWhere() },
    select: { slug: true, release: { select: { slug: true } } },
  });
  store.__pressroomSlugRedirects = new Map(rows.map((r) => [r.slug, r.release.slug]));
}
