import { revalidateTag } from "next/cache";

/**
 * Refreshes tags in this server at once, when called inside a request (a server action or route
 * handler). Elsewhere (CLI, tests) it does nothing: the outbox row written with the change makes
 * every server's watcher refresh them within a second anyway.
 */
export function refreshNow(tags: string[]) {
  for (const tag of tags) {
    try {
      revalidateTag(tag, { expire: 0 });
    } catch {
      return;
    }
  }
}
