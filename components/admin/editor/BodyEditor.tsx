"use client";

import { lazy, Suspense, useState } from "react";
import type { FocusAt } from "../RichTextEditor";
import { BodyPlaceholder } from "./BodyPlaceholder";
import type { FigureSelection, MediaChoice } from "./RteToolbar";

// The rich-text editor (TipTap and ProseMirror) is the heaviest script of the page and parsing a
// long body blocks the main thread: it is loaded when someone comes to the body (pointer over it,
// a tap, or the keyboard focus), not with the page. Until then the body is shown as saved.
const RichTextEditor = lazy(() => import("../RichTextEditor").then((m) => ({ default: m.RichTextEditor })));

interface Props {
  value: string;
  onChange: (html: string) => void;
  media: MediaChoice[];
  labelledBy: string;
  onMarkFigure?: (selection: FigureSelection) => void;
}

export function BodyEditor(props: Props) {
  const [wanted, setWanted] = useState(false);
  const [focusAt, setFocusAt] = useState<FocusAt>(null);
  const placeholder = (
    <BodyPlaceholder
      value={props.value}
      media={props.media}
      labelledBy={props.labelledBy}
      onMarkFigure={props.onMarkFigure}
      bodyProps={{
        tabIndex: 0,
        onPointerDown: (e) => setFocusAt({ x: e.clientX, y: e.clientY }),
        onFocus: () => setFocusAt((at) => at ?? "start"),
      }}
    />
  );
  return (
    <div
      onPointerEnter={() => setWanted(true)}
      onTouchStart={() => setWanted(true)}
      onFocusCapture={() => setWanted(true)}
    >
      {wanted ? (
        <Suspense fallback={placeholder}>
          <RichTextEditor {...props} focusAt={focusAt} />
        </Suspense>
      ) : (
        placeholder
      )}
    </div>
  );
}
