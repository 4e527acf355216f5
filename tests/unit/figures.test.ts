import { describe, expect, it } from "vitest";
import { compareDecimal, normalizeDecimal, powerOfTen, shiftDecimal } from "@/lib/figures/decimal";
import { formatBaseFigure, formatFigure } from "@/lib/figures/format";
import { parseFigureText } from "@/lib/figures/parse";
import { resolveUnit, toBaseValue, toReadableUnit } from "@/lib/figures/units";

describe("exact decimals", () => {
  it("normalises", () => {
    expect(normalizeDecimal("0016.500")).toBe("16.5");
    expect(normalizeDecimal("3425.000000")).toBe("3425");
    expect(normalizeDecimal("-0.0")).toBe("0");
    expect(() => normalizeDecimal("1e5")).toThrow();
    expect(() => normalizeDecimal("12,3")).toThrow();
  });
  it("shifts the decimal point without floating point", () => {
    expect(shiftDecimal("1.6", 4)).toBe("16000");
    expect(shiftDecimal("1382.8", 4)).toBe("13828000");
    expect(shiftDecimal("3425", 8)).toBe("342500000000");
    expect(shiftDecimal("0.1", 1)).toBe("1");
    expect(shiftDecimal("16000", -4)).toBe("1.6");
    expect(shiftDecimal("5", -3)).toBe("0.005");
  });
  it("reads powers of ten and compares", () => {
    expect(powerOfTen("10000")).toBe(4);
    expect(powerOfTen("1")).toBe(0);
    expect(powerOfTen("0.01")).toBe(-2);
    expect(() => powerOfTen("2000")).toThrow();
    expect(compareDecimal("534", "587")).toBe(-1);
    expect(compareDecimal("10.5", "10.50")).toBe(0);
    expect(compareDecimal("-2", "1")).toBe(-1);
  });
});

describe("Chinese units", () => {
  it("splits magnitude and base unit", () => {
    expect(resolveUnit("万人次")).toEqual({ unit: "万人次", baseUnit: "人次", exponent: 4, known: true });
    expect(resolveUnit("亿元")).toMatchObject({ baseUnit: "元", exponent: 8 });
    expect(resolveUnit("万亿元")).toMatchObject({ baseUnit: "元", exponent: 12 });
    expect(resolveUnit("万平方米")).toMatchObject({ baseUnit: "平方米", exponent: 4 });
    expect(resolveUnit("家")).toMatchObject({ baseUnit: "家", exponent: 0, known: true });
    expect(resolveUnit("光年").known).toBe(false);
    // 万 alone is a magnitude with no unit: kept as it is.
    expect(resolveUnit("万")).toMatchObject({ baseUnit: "万", exponent: 0 });
  });
  it("converts to the base unit and back", () => {
    expect(toBaseValue("1.6", "万名")).toEqual({ value: "16000", unit: "名" });
    expect(toBaseValue("3425", "亿元")).toEqual({ value: "342500000000", unit: "元" });
    expect(toReadableUnit("16000", "名")).toEqual({ value: "1.6", unit: "万名" });
    expect(toReadableUnit("342500000000", "元")).toEqual({ value: "3425", unit: "亿元" });
    expect(toReadableUnit("2158", "名")).toEqual({ value: "2158", unit: "名" });
    expect(toReadableUnit("91", "%")).toEqual({ value: "91", unit: "%" });
  });
});

describe("formatting figures the Chinese way", () => {
  it.each([
    [{ value: "1.6", unit: "万名", qualifier: "exact" as const }, "1.6万名"],
    [{ value: "3000", unit: "件", qualifier: "more_than" as const }, "3000余件"],
    [{ value: "4.8", unit: "万篇(条)", qualifier: "about" as const }, "约4.8万篇(条)"],
    [{ value: "3000", unit: "万人次", qualifier: "over" as const }, "超3000万人次"],
    [{ value: "10", unit: "万人次", qualifier: "over" as const, qualifierWord: "突破" }, "突破10万人次"],
    [{ value: "1000", unit: "万次", qualifier: "nearly" as const }, "近1000万次"],
    [{ value: "150", unit: "篇(条)", qualifier: "more_than" as const, qualifierWord: "多" }, "150多篇(条)"],
    [{ value: "91.0", unit: "%", qualifier: "exact" as const }, "91%"],
  ])("%o -> %s", (figure, expected) => {
    expect(formatFigure(figure)).toBe(expected);
  });
  it("ignores a qualifier word that does not belong to the qualifier", () => {
    expect(formatFigure({ value: "5", unit: "个", qualifier: "about", qualifierWord: "余" })).toBe("约5个");
  });
  it("spells the base amount for screen readers", () => {
    expect(formatBaseFigure({ baseValue: "16000", baseUnit: "名", qualifier: "exact" })).toBe("16,000 名");
    expect(formatBaseFigure({ baseValue: "48000", baseUnit: "篇(条)", qualifier: "about" })).toBe(
      "约 48,000 篇(条)",
    );
    expect(formatBaseFigure({ baseValue: "342500000000", baseUnit: "元", qualifier: "exact" })).toBe(
      "342,500,000,000 元",
    );
  });
});

describe("parsing what editors type", () => {
  it.each([
    ["1.6万名", { value: "1.6", unit: "万名", qualifier: "exact", qualifierWord: null }],
    ["3000余件", { value: "3000", unit: "件", qualifier: "more_than", qualifierWord: null }],
    ["约4.8万篇(条)", { value: "4.8", unit: "万篇(条)", qualifier: "about", qualifierWord: null }],
    ["超3000万人次", { value: "3000", unit: "万人次", qualifier: "over", qualifierWord: null }],
    ["突破10万人次", { value: "10", unit: "万人次", qualifier: "over", qualifierWord: "突破" }],
    ["1,382.8 万人次", { value: "1382.8", unit: "万人次", qualifier: "exact", qualifierWord: null }],
  ])("%s", (text, expected) => {
    expect(parseFigureText(text)).toEqual(expected);
  });
  it("round-trips through formatting", () => {
    for (const text of [
      "1.6万名",
      "3000余件",
      "约4.8万篇(条)",
      "超3000万人次",
      "突破10万人次",
      "近1000万次",
    ]) {
      const parsed = parseFigureText(text);
      expect(parsed && formatFigure(parsed)).toBe(text);
    }
  });
  it("rejects text without a number", () => {
    expect(parseFigureText("很多")).toBeNull();
    expect(parseFigureText("")).toBeNull();
  });
});
