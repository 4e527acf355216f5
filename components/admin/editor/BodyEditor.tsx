"use client";

import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import type { Editor } from "@tiptap/react";
import { BodyPlaceholder } from "./BodyPlaceholder";
import { caretTextOffset, positionAtTextOffset } from "./text-offset";
import type { FigureSelection, MediaChoice } from "./RteToolbar";

// The rich-text editor (TipTap and ProseMirror) is the heaviest script of the page and parsing a
// long body blocks the main thread: it is loaded when someone comes to the body (pointer over it,
// a tap, or the keyboard focus), not with the page. Until then the body is shown as saved, in a
// box that takes typing (an IME too), so nothing typed while the editor loads is lost: the editor
// starts from what the box holds and puts the caret where it was.
const RichTextEditor = lazy(() => import("../RichTextEditor").then((m) => ({ default: m.RichTextEditor })));

interface Props {
  value: string;
  onChange: (html: string) => void;
  media: MediaChoice[];
  labelledBy: string;
  onMarkFigure?: (selection: FigureSelection) => void;
}

export function BodyEditor(props: Props) {
  const { onChange } = props;
  const [wanted, setWanted] = useState(false);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [handedOver, setHandedOver] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const typed = useRef(false);
  const composing = useRef(false);

  // The editor exists (rendered off-screen) and no IME composition is open in the box: it takes the
  // box's text and, in the same task, the focus, so no keystroke can arrive between the two.
  const handOver = useCallback(() => {
    if (!editor || handedOver || composing.current) return;
    const element = box.current;
    if (element) {
      const caret = caretTextOffset(element);
      const hadFocus = element.contains(document.activeElement);
      if (typed.current) {
        editor.commands.setContent(element.innerHTML, { emitUpdate: false });
        onChange(editor.getHTML());
      }
      if (caret !== null || hadFocus) {
        // The selection, then the DOM focus at once: TipTap's focus command waits for a frame,
        // and a key pressed in that frame would still go to the box.
        editor.commands.setTextSelection(caret === null ? 1 : positionAtTextOffset(editor.state.doc, caret));
        editor.view.focus();
      }
    }
    setHandedOver(true);
  }, [editor, handedOver, onChange]);

  useEffect(handOver, [handOver]);

  return (
    <div
      onPointerEnter={() => setWanted(true)}
      onTouchStart={() => setWanted(true)}
      onFocusCapture={() => setWanted(true)}
    >
      {!handedOver && (
        <BodyPlaceholder
          value={props.value}
          media={props.media}
          labelledBy={props.labelledBy}
          onMarkFigure={props.onMarkFigure}
          bodyRef={box}
          bodyProps={{
            tabIndex: 0,
            contentEditable: true,
            suppressContentEditableWarning: true,
            onInput: () => (typed.current = true),
            onCompositionStart: () => (composing.current = true),
            onCompositionEnd: () => {
              composing.current = false;
              typed.current = true;
              handOver();
            },
          }}
        />
      )}
      {wanted && (
        <Suspense fallback={null}>
          <RichTextEditor {...props} hidden={!handedOver} onReady={setEditor} />
        </Suspense>
      )}
    </div>
  );
}
