import sanitizeHtml from "sanitize-html";

// The one body format: what the editor produces and the public page renders. Whatever an editor,
// a paste or an API sends is cut down to it: no script, no event handler, no javascript: URL, no style.
const BODY_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "h2",
    "h3",
    "h4",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "figure",
    "figcaption",
    "img",
    "br",
    "hr",
    "span",
    "sup",
    "sub",
    "code",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
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

// PostgreSQL text cannot hold U+0000 (the save failed with a 500), and HTML gives it no meaning.
const NUL = /\u0000/g;

export function sanitizeBody(html: string): string {
  return sanitizeHtml(html.replace(NUL, ""), BODY_OPTIONS);
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " };

function stripTags(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(
    /&(amp|lt|gt|quot|#39|nbsp);/g,
    (_, e: string) => ENTITIES[e],
  );
}

// After the entities are decoded, `<` followed by one of these could open a tag (or a comment) again.
const MARKUP_START = /<(?=[a-zA-Z/!?])/g;
// Each round that changes anything decodes at least one entity, so it ends; the fields are at most a
// few hundred characters, and the cap bounds the work for anything longer.
const MAX_PASSES = 32;

/**
 * Plain text with no markup at all: titles, labels, captions, summaries. Stripping decodes
 * entities, so `&lt;script&gt;` would come out as `<script>`: the result is stripped again until
 * nothing changes (so the output is always a fixed point, and sanitising it again is a no-op), and a
 * text still able to open a tag after many rounds (`&amp;amp;amp;…lt;`) loses the `<` that would open it.
 */
export function sanitizePlainText(text: string): string {
  let current = text.replace(NUL, "");
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = stripTags(current);
    if (next === current) break;
    current = next;
  }
  return current.replace(MARKUP_START, "").trim();
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
