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

// "新闻发布会现场。蔡菡泠摄", "(张三摄)": the credit is the words before 摄 (攝 in traditional text)
// after the caption's last stop or space.
const CREDIT_AT_END = /^(.*?[。 ]?)\s*([（(]?[^\s。（(]{1,10}[摄攝][)）]?)$/;

/** A caption line split into its caption and credit ("新闻发布会现场。", "蔡菡泠摄"). */
export function splitPhotoCaption(line: string): { caption: string; credit: string | null } {
  const match = CREDIT_AT_END.exec(line.trim());
  return match ? { caption: match[1], credit: match[2] } : { caption: line.trim(), credit: null };
}
