import { diffArrays, diffChars } from "diff";

export interface TextPart {
  value: string;
  change: "same" | "added" | "removed";
}

/** How fine the body diff could be made within its bounds: every character, whole paragraphs, or the whole text replaced. */
export type BodyDiffDetail = "characters" | "paragraphs" | "whole";

// A diff's cost grows with the square of the number of edits, so two maximal bodies with nothing in
// common (400,000 characters) would take minutes at character level. Paragraphs first, then characters
// inside each changed run while it is small enough. The bounds count edits and characters, not time,
// so the same pair always gives the same diff; they keep any pair under 200 ms
// (scripts/bench-work-bounds.ts measures the worst cases).
const MAX_PARAGRAPH_EDITS = 250;
const MAX_RUN_CHARACTERS = 10_000;
const MAX_CHARACTER_EDITS = 300;
const MAX_REFINED_CHARACTERS = 50_000;

/** Paragraphs (one per line, as bodyToText gives them) keeping their line break, so joined they are the text again. */
const paragraphs = (text: string) => text.split(/(?<=\n)/);

function commonEdges(a: string, b: string) {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  )
    suffix++;
  return { prefix, suffix };
}

/** The text of one changed run character by character, or null when that would cost too much. */
function refineRun(removed: string, added: string): TextPart[] | null {
  const { prefix, suffix } = commonEdges(removed, added);
  const oldMiddle = removed.slice(prefix, removed.length - suffix);
  const newMiddle = added.slice(prefix, added.length - suffix);
  if (oldMiddle.length + newMiddle.length > MAX_RUN_CHARACTERS) return null;
  const changes = diffChars(oldMiddle, newMiddle, { maxEditLength: MAX_CHARACTER_EDITS });
  if (!changes) return null;
  const parts: TextPart[] = [];
  if (prefix) parts.push({ value: removed.slice(0, prefix), change: "same" });
  for (const c of changes)
    parts.push({ value: c.value, change: c.added ? "added" : c.removed ? "removed" : "same" });
  if (suffix) parts.push({ value: removed.slice(removed.length - suffix), change: "same" });
  return parts;
}

/** The difference between two body texts, as fine as its bounds allow, and how fine that was. */
export function diffBodyText(a: string, b: string): { parts: TextPart[]; detail: BodyDiffDetail } {
  const blocks = diffArrays(paragraphs(a), paragraphs(b), { maxEditLength: MAX_PARAGRAPH_EDITS });
  if (!blocks)
    return {
      parts: [
        { value: a, change: "removed" },
        { value: b, change: "added" },
      ],
      detail: "whole",
    };

  const parts: TextPart[] = [];
  let detail: BodyDiffDetail = "characters";
  let refinable = MAX_REFINED_CHARACTERS;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    const value = block.value.join("");
    if (!block.added && !block.removed) {
      parts.push({ value, change: "same" });
      continue;
    }
    const next = blocks[i + 1];
    if (block.removed && next?.added) {
      // A paragraph (or run of them) rewritten: show what changed inside it, if that stays cheap.
      const added = next.value.join("");
      // Charged whether the refinement succeeds or gives up: a failed attempt costs the most.
      const refined = refinable > 0 ? refineRun(value, added) : null;
      refinable -= value.length + added.length;
      i++;
      if (refined) {
        parts.push(...refined);
      } else {
        detail = "paragraphs";
        parts.push({ value, change: "removed" }, { value: added, change: "added" });
      }
      continue;
    }
    parts.push({ value, change: block.added ? "added" : "removed" });
  }
  return { parts, detail };
}
