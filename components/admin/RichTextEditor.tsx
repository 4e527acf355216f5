"use client";

import { Node } from "@tiptap/core";
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import { useEffect } from "react";
import StarterKit from "@tiptap/starter-kit";
import { sentenceAround } from "@/lib/figures/figure-from-text";
import { parseFigureText } from "@/lib/figures/parse";
import { RteToolbar, type FigureSelection, type MediaChoice } from "./editor/RteToolbar";

export type { FigureSelection, MediaChoice };

/** <figure class="photo"><img><figcaption>caption<span class="credit">credit</span></figcaption></figure>: the body's photo format. */
const Photo = Node.create({
  name: "photo",
  group: "block",
  atom: true,
  draggable: true,
  addAttributes() {
    return {
      src: { default: null },
      alt: { default: "" },
      caption: { default: "" },
      credit: { default: "" },
      mediaId: { default: null },
    };
  },
  parseHTML() {
    return [
      {
        tag: "figure",
        getAttrs: (element) => {
          const img = element.querySelector("img");
          const caption = element.querySelector("figcaption");
          const credit = caption?.querySelector(".credit")?.textContent ?? "";
          const text = caption?.textContent ?? "";
          return {
            src: img?.getAttribute("src") ?? null,
            alt: img?.getAttribute("alt") ?? "",
            credit,
            caption: credit ? text.slice(0, text.lastIndexOf(credit)) : text,
            mediaId: element.getAttribute("data-media-id"),
          };
        },
      },
    ];
  },
  renderHTML({ node }) {
    const { src, alt, caption, credit, mediaId } = node.attrs as {
      src: string | null;
      alt: string;
      caption: string;
      credit: string;
      mediaId: string | null;
    };
    const figcaption = credit
      ? ["figcaption", {}, caption, ["span", { class: "credit" }, credit]]
      : ["figcaption", {}, caption];
    return [
      "figure",
      { class: "photo", ...(mediaId ? { "data-media-id": mediaId } : {}) },
      ...(src ? [["img", { src, alt }]] : []),
      figcaption,
    ];
  },
});

function figureSelection(editor: Editor): FigureSelection | null {
  const { from, to, $from, $to } = editor.state.selection;
  if (from === to || !$from.sameParent($to) || !$from.parent.isTextblock) return null;
  const parent = $from.parent;
  // A hard break counts as one character, so offsets in the text match positions in the block.
  const text = parent.textBetween(0, parent.content.size, "\n", "\n");
  const mention = text.slice($from.parentOffset, $to.parentOffset).trim();
  if (!mention || mention.length > 60 || !parseFigureText(mention)?.unit) return null;
  return { mention, sentence: sentenceAround(text, $from.parentOffset, $to.parentOffset) };
}

/** The body editor: headings, paragraphs, bold/italic, lists, links, quotes and photos. Pasted Word or web content keeps its structure; everything else is dropped (and the server sanitises again). */
export function RichTextEditor({
  value,
  onChange,
  media,
  labelledBy,
  onMarkFigure,
  hidden = false,
  onReady,
}: {
  value: string;
  onChange: (html: string) => void;
  media: MediaChoice[];
  labelledBy: string;
  /** Offered when the selection reads as a figure: "标为数据". */
  onMarkFigure?: (selection: FigureSelection) => void;
  /** Made but not shown yet (BodyEditor shows its own box until it hands over): off-screen, not
   * display:none, so it can take the focus in the same moment it takes the text. */
  hidden?: boolean;
  onReady?: (editor: Editor) => void;
}) {
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        link: { openOnClick: false, protocols: ["http", "https", "mailto"] },
        code: false,
        codeBlock: false,
      }),
      Photo,
    ],
    content: value,
    immediatelyRender: false,
    editorProps: {
      attributes: {
        class: "rte-content release-body",
        "aria-labelledby": labelledBy,
        role: "textbox",
        "aria-multiline": "true",
      },
    },
    onUpdate: ({ editor: e }) => onChange(e.getHTML()),
  });
  const selection = useEditorState({
    editor,
    selector: ({ editor: e }) => (e && onMarkFigure ? figureSelection(e) : null),
    equalityFn: (a, b) => a?.mention === b?.mention && a?.sentence === b?.sentence,
  });

  useEffect(() => {
    if (editor) onReady?.(editor);
  }, [editor, onReady]);

  if (!editor) return null;
  return (
    <div className={hidden ? "rte rte--offscreen" : "rte"} aria-hidden={hidden || undefined}>
      <RteToolbar editor={editor} media={media} selection={selection} onMarkFigure={onMarkFigure} />
      <EditorContent editor={editor} />
    </div>
  );
}
