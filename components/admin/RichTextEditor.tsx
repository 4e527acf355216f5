"use client";

import { Node } from "@tiptap/core";
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { sentenceAround } from "@/lib/figures/figure-from-text";
import { parseFigureText } from "@/lib/figures/parse";

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

export interface MediaChoice {
  id: string;
  url: string;
  alt: string;
  caption: string | null;
  credit: string | null;
}

/** Selected words of one paragraph that read as a figure ("1.6万名"), with the sentence around them. */
export interface FigureSelection {
  mention: string;
  sentence: string;
}

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

/** The toolbar; drawn disabled, at its final size, until the editor has loaded. */
function Toolbar({
  editor,
  media,
  onMarkFigure,
}: {
  editor: Editor | null;
  media: MediaChoice[];
  onMarkFigure?: (selection: FigureSelection) => void;
}) {
  const selection = useEditorState({
    editor,
    selector: ({ editor: e }) => (e && onMarkFigure ? figureSelection(e) : null),
    equalityFn: (a, b) => a?.mention === b?.mention && a?.sentence === b?.sentence,
  });
  const button = (label: string, active: boolean, run: (e: Editor) => void, title?: string) => (
    <button
      type="button"
      className={active ? "is-active" : undefined}
      aria-pressed={active}
      title={title ?? label}
      disabled={!editor}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => editor && run(editor)}
    >
      {label}
    </button>
  );
  const isActive = (name: string, attrs?: Record<string, unknown>) => editor?.isActive(name, attrs) ?? false;
  return (
    <div className="rte-toolbar" role="toolbar" aria-label="正文格式">
      {button("正文", isActive("paragraph"), (e) => e.chain().focus().setParagraph().run())}
      {button(
        "标题",
        isActive("heading", { level: 2 }),
        (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
        "小节标题",
      )}
      {button("副标题", isActive("heading", { level: 3 }), (e) =>
        e.chain().focus().toggleHeading({ level: 3 }).run(),
      )}
      {button("粗体", isActive("bold"), (e) => e.chain().focus().toggleBold().run())}
      {button("斜体", isActive("italic"), (e) => e.chain().focus().toggleItalic().run())}
      {button("• 列表", isActive("bulletList"), (e) => e.chain().focus().toggleBulletList().run())}
      {button("1. 列表", isActive("orderedList"), (e) => e.chain().focus().toggleOrderedList().run())}
      {button("引用", isActive("blockquote"), (e) => e.chain().focus().toggleBlockquote().run())}
      {button("链接", isActive("link"), (editor) => {
        const previous = editor.getAttributes("link").href as string | undefined;
        const href = window.prompt(
          "链接地址（http:// 或 https:// 开头，留空则移除链接）",
          previous ?? "https://",
        );
        if (href === null) return;
        if (!href.trim()) editor.chain().focus().unsetLink().run();
        else if (/^https?:\/\//i.test(href.trim()) || href.startsWith("/"))
          editor.chain().focus().setLink({ href: href.trim() }).run();
        else window.alert("链接必须以 http://、https:// 或 / 开头");
      })}
      <select
        aria-label="插入图片"
        value=""
        disabled={!editor}
        onChange={(e) => {
          const chosen = media.find((m) => m.id === e.target.value);
          if (chosen && editor)
            editor
              .chain()
              .focus()
              .insertContent({
                type: "photo",
                attrs: {
                  src: chosen.url,
                  alt: chosen.alt,
                  caption: chosen.caption ?? "",
                  credit: chosen.credit ?? "",
                  mediaId: chosen.id,
                },
              })
              .run();
        }}
      >
        <option value="">插入图片…</option>
        {media.map((m) => (
          <option key={m.id} value={m.id}>
            {m.alt}
          </option>
        ))}
      </select>
      {button("撤销", false, (e) => e.chain().focus().undo().run())}
      {button("重做", false, (e) => e.chain().focus().redo().run())}
      {onMarkFigure && (
        <button
          type="button"
          className="rte-toolbar__mark"
          disabled={!selection}
          title={
            selection ? `把“${selection.mention}”标为数据` : "先在正文中选中一个数字及单位，例如“1.6万名”"
          }
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => selection && onMarkFigure(selection)}
        >
          标为数据
        </button>
      )}
    </div>
  );
}

/** The body editor: headings, paragraphs, bold/italic, lists, links, quotes and photos. Pasted Word or web content keeps its structure; everything else is dropped (and the server sanitises again). */
export function RichTextEditor({
  value,
  onChange,
  media,
  labelledBy,
  onMarkFigure,
}: {
  value: string;
  onChange: (html: string) => void;
  media: MediaChoice[];
  labelledBy: string;
  /** Offered when the selection reads as a figure: "标为数据". */
  onMarkFigure?: (selection: FigureSelection) => void;
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
  return (
    <div className="rte">
      <Toolbar editor={editor} media={media} onMarkFigure={onMarkFigure} />
      {editor ? (
        <EditorContent editor={editor} />
      ) : (
        // Until the editor mounts, the saved body (sanitised when it was saved) holds its place, so
        // nothing below it moves when the editor appears.
        <div aria-busy="true" aria-labelledby={labelledBy}>
          <div className="rte-content release-body" dangerouslySetInnerHTML={{ __html: value }} />
        </div>
      )}
    </div>
  );
}
