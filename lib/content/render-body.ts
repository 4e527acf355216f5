import { escapeHtml } from "./escape-html";
import { markFigures, type MarkableFigure } from "./mark-figures";
import { sanitizeBody } from "./sanitize-body";

/**
 * Stored body -> public HTML: sanitised again (whatever stored it), figures marked as data, and a
 * photo known only by its caption says so instead of showing an invented image.
 */
export function renderBody(
  html: string,
  figures: MarkableFigure[],
  labels: { photoMissing: string },
): string {
  const marked = markFigures(sanitizeBody(html), figures);
  return marked.replace(
    /<figure class="photo"( data-media-id="[^"]*")?>(?!\s*<img)/g,
    (open) => `${open}<span class="photo-missing" role="note">${escapeHtml(labels.photoMissing)}</span>`,
  );
}
