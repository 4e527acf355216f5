import { describe, expect, it } from "vitest";
import { firstErrorPath, figureErrorPath } from "@/components/admin/editor/error-order";
import { gridKeyAction, moveItem, type GridKeyPress } from "@/components/admin/editor/grid-navigation";
import {
  figureFromSelection,
  freshFigureKey,
  labelMatch,
  sentenceAround,
  suggestRegistryKey,
  type RegistryKey,
} from "@/lib/figures/figure-from-text";
import { emptyFigure } from "@/lib/releases/editor-form";

const press = (key: string, extra: Partial<GridKeyPress> = {}): GridKeyPress => ({
  key,
  shiftKey: false,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  atStart: false,
  atEnd: false,
  isSelect: false,
  ...extra,
});

describe("moving in the figure grid", () => {
  const at = { row: 2, col: 1 };
  it("Enter goes down a row in the same column, Shift+Enter up", () => {
    expect(gridKeyAction(at, 5, press("Enter"))).toEqual({ type: "focus", cell: { row: 3, col: 1 } });
    expect(gridKeyAction(at, 5, press("Enter", { shiftKey: true }))).toEqual({
      type: "focus",
      cell: { row: 1, col: 1 },
    });
  });
  it("↑/↓ move between rows, but a select keeps them for its own value", () => {
    expect(gridKeyAction(at, 5, press("ArrowUp"))).toEqual({ type: "focus", cell: { row: 1, col: 1 } });
    expect(gridKeyAction(at, 5, press("ArrowDown", { isSelect: true }))).toBeNull();
  });
  it("←/→ leave the cell only when the caret is at the edge of its text", () => {
    expect(gridKeyAction(at, 5, press("ArrowLeft"))).toBeNull();
    expect(gridKeyAction(at, 5, press("ArrowLeft", { atStart: true }))).toEqual({
      type: "focus",
      cell: { row: 2, col: 0 },
    });
    expect(gridKeyAction(at, 5, press("ArrowRight", { atEnd: true }))).toEqual({
      type: "focus",
      cell: { row: 2, col: 2 },
    });
    // Shift+arrow selects text, it never jumps.
    expect(gridKeyAction(at, 5, press("ArrowRight", { atEnd: true, shiftKey: true }))).toBeNull();
  });
  it("stops at the edges instead of wrapping", () => {
    expect(gridKeyAction({ row: 4, col: 0 }, 5, press("Enter"))).toBeNull();
    expect(gridKeyAction({ row: 0, col: 0 }, 5, press("ArrowUp"))).toBeNull();
    expect(gridKeyAction({ row: 0, col: 0 }, 5, press("ArrowLeft", { atStart: true }))).toBeNull();
    expect(gridKeyAction({ row: 0, col: 4 }, 5, press("ArrowRight", { atEnd: true }))).toBeNull();
  });
  it("Alt+↑/↓ moves the row itself, within the list", () => {
    expect(gridKeyAction(at, 5, press("ArrowUp", { altKey: true }))).toEqual({
      type: "move-row",
      from: 2,
      to: 1,
      col: 1,
    });
    expect(gridKeyAction({ row: 4, col: 0 }, 5, press("ArrowDown", { altKey: true }))).toBeNull();
  });
  it("leaves Tab, Ctrl and typing to the browser", () => {
    expect(gridKeyAction(at, 5, press("Tab"))).toBeNull();
    expect(gridKeyAction(at, 5, press("Enter", { ctrlKey: true }))).toBeNull();
    expect(gridKeyAction(at, 5, press("a"))).toBeNull();
  });
  it("moveItem moves one item and keeps the rest in order", () => {
    expect(moveItem(["a", "b", "c", "d"], 0, 2)).toEqual(["b", "c", "a", "d"]);
    expect(moveItem(["a", "b", "c", "d"], 3, 1)).toEqual(["a", "d", "b", "c"]);
  });
});

describe("the first error after a refused save", () => {
  it("is the top-most field, then figures by row and by column", () => {
    expect(firstErrorPath({})).toBeNull();
    expect(
      firstErrorPath({ "figures.12.value": "x", "figures.3.recordNote": "x", "figures.3.unit": "x" }),
    ).toBe("figures.3.unit");
    expect(firstErrorPath({ "figures.0.label": "x", sourceUrl: "x", slug: "x" })).toBe("slug");
    expect(firstErrorPath({ "figures.10.key": "x", "figures.9.sourceText": "x" })).toBe(
      "figures.9.sourceText",
    );
    expect(firstErrorPath({ "changeNote.note": "x", "figures.1.value": "x" })).toBe("figures.1.value");
  });
  it("reads a figure's path", () => {
    expect(figureErrorPath("figures.12.value")).toEqual({ index: 12, field: "value" });
    expect(figureErrorPath("figures")).toBeNull();
    expect(figureErrorPath("title")).toBeNull();
  });
});

const registry: RegistryKey[] = [
  { key: "guests", label: "参会嘉宾和代表", baseUnit: "名", aliases: [] },
  { key: "vip_guests", label: "政商学界代表等重要嘉宾", baseUnit: "名", aliases: [] },
  { key: "exhibitors", label: "参展企业", baseUnit: "家", aliases: ["参展商"] },
  { key: "signed_amount", label: "签约金额", baseUnit: "元", aliases: [] },
];

describe("标为数据: a figure from selected words", () => {
  it("finds the sentence around the selection, closing mark included", () => {
    const text = "大会圆满闭幕。共邀请国内外1.6万名嘉宾和代表参加大会各项活动；其中重要嘉宾2158名。";
    const start = text.indexOf("1.6万名");
    expect(sentenceAround(text, start, start + 5)).toBe("共邀请国内外1.6万名嘉宾和代表参加大会各项活动；");
    expect(sentenceAround("1.6万名", 0, 5)).toBe("1.6万名");
    expect(sentenceAround("第一行\n974家企业参展\n第三行", 4, 8)).toBe("974家企业参展");
  });

  it("suggests the registry key the sentence names, of the same base unit and not yet used", () => {
    const sentence = "共邀请国内外1.6万名嘉宾和代表参加大会各项活动";
    expect(suggestRegistryKey(sentence, "1.6万名", "名", registry, new Set())?.key).toBe("guests");
    expect(suggestRegistryKey(sentence, "1.6万名", "名", registry, new Set(["guests"]))?.key).toBeUndefined();
    expect(suggestRegistryKey(sentence, "1.6万名", "家", registry, new Set())).toBeNull();
    expect(suggestRegistryKey("共有974家参展商", "974家", "家", registry, new Set())?.key).toBe("exhibitors");
    expect(labelMatch("参会嘉宾和代表", "1.6万名嘉宾和代表")).toBeCloseTo(4 / 6);
  });

  it("makes the figure: value, unit, qualifier, mention, sentence and a key", () => {
    const figure = figureFromSelection(
      "约1.6万名",
      "共邀请国内外约1.6万名嘉宾和代表参加大会各项活动；",
      [],
      registry,
    );
    expect(figure).toMatchObject({
      key: "guests",
      label: "参会嘉宾和代表",
      value: "1.6",
      unit: "万名",
      qualifier: "about",
      qualifierWord: "",
      mention: "约1.6万名",
      sourceText: "共邀请国内外约1.6万名嘉宾和代表参加大会各项活动；",
    });
  });

  it("falls back to a fresh figure_N key and an empty label when the registry names nothing", () => {
    const existing = [{ ...emptyFigure(0), key: "figure_2" }];
    expect(figureFromSelection("3000余件", "展出新品3000余件", existing, registry)).toMatchObject({
      key: "figure_3",
      label: "",
      value: "3000",
      unit: "件",
      qualifier: "more_than",
      qualifierWord: "",
    });
    expect(freshFigureKey(new Set(["figure_1", "figure_2"]), 1)).toBe("figure_3");
  });

  it("refuses words that are not a number with a unit, and hostile lengths", () => {
    expect(figureFromSelection("大会", "大会", [], registry)).toBeNull();
    expect(figureFromSelection("1.6", "1.6", [], registry)).toBeNull();
    expect(figureFromSelection(`1${"名".repeat(70)}`, "x", [], registry)).toBeNull();
    expect(figureFromSelection(`1${"名".repeat(25)}`, "x", [], registry)).toBeNull();
    const long = "很".repeat(10_000);
    expect(figureFromSelection("5个", `${long}5个${long}`, [], registry)?.sourceText).toHaveLength(500);
  });
});
