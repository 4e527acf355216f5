import { escapeHtml } from "./escape-html";

/**
 * A photo known by its caption and credit, in the body format the editor stores
 * (lib/content/sanitize-body.ts): the seed's photos and those the import assistant finds in
 * pasted text, whose image files never come with the text. Readers see the caption with a note
 * that the photo is missing (lib/content/render-body.ts) until an editor uploads it.
 */
export function photoCaptionHtml(caption: string, credit: string | null | undefined): string {
  const creditHtml = credit ? `<span class="credit">${escapeHtml(credit)}</span>` : "";
  return `<figure class="photo"><figcaption>${escapeHtml(caption)}${creditHtml}</figcaption></figure>`;
}
