import type { Node as ProseMirrorNode } from "@tiptap/pm/model";

/** How many characters of `root`'s text come before the caret, or null when the caret is elsewhere. */
export function caretTextOffset(root: HTMLElement): number | null {
  const selection = window.getSelection();
  if (!selection?.focusNode || !root.contains(selection.focusNode)) return null;
  const range = document.createRange();
  range.selectNodeContents(root);
  range.setEnd(selection.focusNode, selection.focusOffset);
  return range.toString().length;
}

/** The document position after `offset` characters of its text (blocks add none), at most its end. */
export function positionAtTextOffset(doc: ProseMirrorNode, offset: number): number {
  let seen = 0;
  let found: number | null = null;
  doc.descendants((node, pos) => {
    if (found !== null) return false;
    if (!node.isText) return true;
    const length = node.text?.length ?? 0;
    if (seen + length >= offset) found = pos + (offset - seen);
    seen += length;
    return false;
  });
  return found ?? doc.content.size;
}
