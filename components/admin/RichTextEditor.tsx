"use client";

import { Node } from "@tiptap/core";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";

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

function Toolbar({ editor, media }: { editor: Editor; media: MediaChoice[] }) {
  const button = (label: string, active: boolean, run: () => void, title?: string) => (
    <button
      type="button"
      className={active ? "is-active" : undefined}
      aria-pressed={active}
      title={title ?? label}
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
    >
      {label}
    </button>
  );
  return (
    <div className="rte-toolbar" role="toolbar" aria-label="正文格式">
      {button("正文", editor.isActive("paragraph"), () => editor.chain().focus().setParagraph().run())}
      {button(
        "标题",
        editor.isActive("heading", { level: 2 }),
        () => editor.chain().focus().toggleHeading({ level: 2 }).run(),
        "小节标题",
      )}
      {button("副标题", editor.isActive("heading", { level: 3 }), () =>
        editor.chain().focus().toggleHeading({ level: 3 }).run(),
      )}
      {button("粗体", editor.isActive("bold"), () => editor.chain().focus().toggleBold().run())}
      {button("斜体", editor.isActive("italic"), () => editor.chain().focus().toggleItalic().run())}
      {button("• 列表", editor.isActive("bulletList"), () => editor.chain().focus().toggleBulletList().run())}
      {button("1. 列表", editor.isActive("orderedList"), () =>
        editor.chain().focus().toggleOrderedList().run(),
      )}
      {button("引用", editor.isActive("blockquote"), () => editor.chain().focus().toggleBlockquote().run())}
      {button("链接", editor.isActive("link"), () => {
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
        onChange={(e) => {
          const chosen = media.find((m) => m.id === e.target.value);
          if (chosen)
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
      {button("撤销", false, () => editor.chain().focus().undo().run())}
      {button("重做", false, () => editor.chain().focus().redo().run())}
    </div>
  );
}

/** The body editor: headings, paragraphs, bold/italic, lists, links, quotes and photos. Pasted Word or web content keeps its structure; everything else is dropped (and the server sanitises again). */
export function RichTextEditor({
  value,
  onChange,
  media,
  labelledBy,
}: {
  value: string;
  onChange: (html: string) => void;
  media: MediaChoice[];
  labelledBy: string;
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
  if (!editor) return <div className="rte rte--loading">正在加载编辑器…</div>;
  return (
    <div className="rte">
      <Toolbar editor={editor} media={media} />
      <EditorContent editor={editor} />
    </div>
  );
}
