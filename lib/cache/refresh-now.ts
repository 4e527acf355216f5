import { revalidateTag } from "next/cache";
import { purgeResponseCache } from "../http/response-cache";

/**
 * Refreshes tags in this server at once, when called inside a request (a server action or route
 * handler), and empties the server's response cache. Elsewhere (CLI, tests) it does nothing: the
 * outbox row written with the change makes every server's watcher refresh them within a second.
 */
export function refreshNow(tags: string[]) {
  for (const tag of tags) {
    try {
      // expire: 0 - the next visitor gets fresh content, never the stale page.
      revalidateTag(tag, { expire: 0 });
    } catch {
      return;
    }
  }
  purgeResponseCache();
}
