import { renderBody } from "@/lib/content/render-body";
import type { PublicFigure } from "@/lib/releases/public-dto";

export function ReleaseBody({
  html,
  figures,
  photoMissing,
}: {
  html: string;
  figures: PublicFigure[];
  photoMissing: string;
}) {
  return (
    <div
      className="release-body"
      dangerouslySetInnerHTML={{ __html: renderBody(html, figures, { photoMissing }) }}
    />
  );
}
