"use client";

import type { HTMLAttributes, Ref } from "react";
import { RteToolbar, type FigureSelection, type MediaChoice } from "./RteToolbar";

/**
 * The body as the editor will show it, before the editor's code has loaded: the same toolbar
 * (disabled) and the saved body HTML (sanitised when it was saved) in the same box, so nothing on
 * the page moves when the editor takes its place.
 */
export function BodyPlaceholder({
  value,
  media,
  labelledBy,
  onMarkFigure,
  bodyProps,
  bodyRef,
}: {
  value: string;
  media: MediaChoice[];
  labelledBy: string;
  onMarkFigure?: (selection: FigureSelection) => void;
  bodyProps?: HTMLAttributes<HTMLDivElement>;
  bodyRef?: Ref<HTMLDivElement>;
}) {
  return (
    <div className="rte">
      <RteToolbar editor={null} media={media} onMarkFigure={onMarkFigure} />
      <div>
        <div
          className="rte-content release-body"
          role="textbox"
          aria-multiline="true"
          aria-labelledby={labelledBy}
          aria-busy="true"
          ref={bodyRef}
          {...bodyProps}
          dangerouslySetInnerHTML={{ __html: value }}
        />
      </div>
    </div>
  );
}
