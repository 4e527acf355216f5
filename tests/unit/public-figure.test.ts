import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { toPublicFigure } from "@/lib/releases/public-dto";
import { figureRow } from "@/lib/figures/figure-row";

const GUESTS = {
  key: "guests",
  label: "嘉宾",
  value: "1.6",
  unit: "万名",
  qualifier: "exact",
  qualifierWord: null,
  partOfKey: null,
  section: null,
  highlighted: true,
  isRecord: false,
  recordNote: null,
  sourceText: null,
  mention: "1.6万名",
} as const;

function storedRow(over: Partial<ReturnType<typeof figureRow>> = {}) {
  const row = figureRow(GUESTS);
  const merged = { ...row, ...over };
  return {
    ...merged,
    id: "00000000-0000-0000-0000-000000000001",
    releaseId: "00000000-0000-0000-0000-000000000002",
    editionId: null,
    sortOrder: 0,
    value: new Prisma.Decimal(merged.value),
    unitScale: new Prisma.Decimal(merged.unitScale),
  };
}

describe("a published figure's base value", () => {
  it("comes from the scale stored with it", () => {
    expect(toPublicFigure(storedRow())).toMatchObject({
      value: "1.6",
      baseValue: "16000",
      baseUnit: "名",
      baseDisplay: "16,000 名",
      display: "1.6万名",
    });
  });

  it("does not follow a later change of the unit table: a row written when 万名 scaled by 1000 keeps that scale", () => {
    // As if the unit table had said 10^3 when the figure was written: the text of the unit is not read again.
    expect(toPublicFigure(storedRow({ unitScale: "1000" }))).toMatchObject({
      baseValue: "1600",
      baseDisplay: "1,600 名",
    });
  });

  it("fixes the scale and base unit at write time from the unit table", () => {
    expect(figureRow({ ...GUESTS, value: "3425", unit: "亿元" })).toMatchObject({
      unitScale: "100000000",
      baseUnit: "元",
    });
  });
});
