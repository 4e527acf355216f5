import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { releasePath } from "@/lib/i18n/paths";
import { getEnglishRelease } from "@/lib/releases/english-queries";
import { isValidSlug } from "@/lib/releases/slug";

/** The public English release of a page (and its generateMetadata), or the 404 / the move to its new slug. */
export const loadEnglishRelease = cache(async (slug: string, subpath = "") => {
  if (!isValidSlug(slug)) notFound();
  const found = await getEnglishRelease(slug);
  if (!found) notFound();
  if ("redirectTo" in found) permanentRedirect(`${releasePath("en", found.redirectTo)}${subpath}`);
  return found;
});
