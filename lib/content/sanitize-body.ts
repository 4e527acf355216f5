import sanitizeHtml from "sanitize-html";

// The one body format: what the editor produces and the public page renders. Whatever an editor,
// a paste or an API sends is cut down to it: no script, no event handler, no javascript: URL, no style.
const BODY_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "a", "ul", "ol", "li", "blockquote",
    "figure", "figcaption", "img", "br", "hr", "span", "sup", "sub", "code",
    "table", "thead", "tbody", "tr", "th", "td",
  ],
  allowedAttributes: {
    a: ["href", "title", "rel"],
    img: ["src", "alt", "width", "height"],
    span: ["class"],
    figure: ["class", "data-media-id"],
    th: ["colspan", "rowspan"],
    td: ["colspan", "rowspan"],
  },
  allowedClasses: { figure: ["photo"], span: ["credit"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    b: "strong",
    i: "em",
    h1: "h2",
    a: (tagName, attribs) => {
      const external = /^https?:\/\//i.test(attribs.href ?? "");
      return { tagName, attribs: external ? { ...attribs, rel: "noopener noreferrer" } : attribs };
    },
  },
  exclusiveFilter: (frame) => frame.tag === "p" && !frame.text.trim() && !frame.mediaChildren.length,
};

export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, BODY_OPTIONS);
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " };

function stripTags(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e]);
}

/** Plain text with no markup at all: titles, labels, captions, summaries. */
export function sanitizePlainText(text: string): string {
  return stripTags(text).trim();
}

/**
 * The text of a stored body, one line per block (revision diffs). A stored body is sanitised on save,
 * so it has no script or comment and its only entities are the ones sanitize-html writes: a linear
 * scan is exact, where sanitize-html spends about a second on a maximal body of 40,000 paragraphs.
 */
export function bodyToText(html: string): string {
  return html
    .replace(/<\/(p|h2|h3|h4|li|figcaption|blockquote)>/g, "$&\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e])
    .replace(/\n{2,}/g, "\n")
    .trim();
}
