"use client";

// Only types come from TipTap here: the toolbar is drawn (disabled) with the page, before the
// editor's code is loaded.
import type { Editor } from "@tiptap/core";

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

/** The toolbar; drawn disabled, at its final size, until the editor has loaded. */
export function RteToolbar({
  editor,
  media,
  selection = null,
  onMarkFigure,
}: {
  editor: Editor | null;
  media: MediaChoice[];
  /** The selected words, when they read as a figure. */
  selection?: FigureSelection | null;
  onMarkFigure?: (selection: FigureSelection) => void;
}) {
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
