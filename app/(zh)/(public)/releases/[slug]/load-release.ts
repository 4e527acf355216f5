import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { getPublishedRelease } from "@/lib/releases/queries";
import { releasePath } from "@/lib/i18n/paths";
import { isValidSlug } from "@/lib/releases/slug";

/** The public release of a page (and its generateMetadata), or the 404 / the move to its new slug. */
export const loadRelease = cache(async (slug: string, subpath = "") => {
  if (!isValidSlug(slug)) notFound();
  const found = await getPublishedRelease(slug);
  if (!found) notFound();
  if ("redirectTo" in found) permanentRedirect(`/releases/${found.redirectTo}${subpath}`);
  // An English release lives under /en; its data, CSV and share image are its original's.
  if (found.release.locale === "en") {
    if (subpath) notFound();
    permanentRedirect(releasePath("en", found.release.slug));
  }
  return found.release;
});
