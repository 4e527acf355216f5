import type { Metadata } from "next";
import { fill, getMessages } from "../i18n/messages";
import { releasePath } from "../i18n/paths";
import type { PublicRelease } from "../releases/public-dto";
import { pageAlternates } from "./alternates";

/** A release's data page: its own title, not indexed (the release page is). */
export function releaseDataMetadata(release: PublicRelease): Metadata {
  const t = getMessages(release.locale).release;
  return {
    title: `${t.allFigures} · ${release.title}`,
    description: fill(t.figureCount, { count: release.figures.length }),
    alternates: pageAlternates(`${releasePath(release.locale, release.slug)}/data`),
    robots: { index: false },
  };
}
