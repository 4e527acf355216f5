import { escapeHtml } from "../content/escape-html";
import { photoCaptionHtml } from "../content/photo-caption";

export type SeedBlock =
  | { type: "paragraph"; text: string }
  | { type: "heading"; text: string; subtitle?: string }
  | { type: "photo"; caption: string; credit?: string };

/** Seed blocks as body HTML, in the format the editor stores (see lib/content/sanitize-body.ts). */
export function blocksToHtml(blocks: SeedBlock[]): string {
  return blocks
    .map((block) => {
      switch (block.type) {
        case "paragraph":
          return `<p>${escapeHtml(block.text)}</p>`;
        case "heading":
          return (
            `<h2>${escapeHtml(block.text)}</h2>` +
            (block.subtitle ? `<h3>${escapeHtml(block.subtitle)}</h3>` : "")
          );
        case "photo":
          return photoCaptionHtml(block.caption, block.credit);
      }
    })
    .join("\n");
}
