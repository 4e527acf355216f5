import { describe, expect, it } from "vitest";
import { englishFigureLabel, formatEnglishAmount, formatFigureEn } from "@/lib/figures/format-en";
import { QUALIFIERS, QUALIFIER_VALUES } from "@/lib/figures/qualifiers";
import { KNOWN_BASE_UNITS, resolveUnit, toBaseValue } from "@/lib/figures/units";
import { ENGLISH_BASE_UNITS, englishUnit } from "@/lib/figures/units-en";
import { figureValuesDiffer } from "@/lib/releases/figure-values";

/** A figure as a Chinese editor writes it, in English: value and unit go through the stored base value. */
function english(value: string, unit: string, qualifier: keyof typeof QUALIFIERS = "exact") {
  const base = toBaseValue(value, unit);
  return formatFigureEn({ baseValue: base.value, baseUnit: base.unit, qualifier });
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

describe("English figures (issue 13 §2)", () => {
  it("writes the issue's examples from the stored base value", () => {
    expect(english("3425", "亿元")).toBe("342.5 billion yuan");
    expect(english("1.6", "万名")).toBe("16,000");
    expect(english("1382.8", "万人次")).toBe("13.828 million visits");
    expect(english("35.9", "万人次")).toBe("359,000 visits");
    expect(english("8", "万平方米")).toBe("80,000 square metres");
  });

  it("translates every qualifier of the registry, before the number", () => {
    const expected: Record<string, string> = {
      exact: "",
      about: "about ",
      more_than: "more than ",
      over: "over ",
      nearly: "nearly ",
    };
    for (const qualifier of QUALIFIER_VALUES) {
      expect(expected[qualifier], `English expectation for ${qualifier}`).toBeDefined();
      expect(english("3000", "件", qualifier)).toBe(`${expected[qualifier]}3,000`);
      expect(QUALIFIERS[qualifier].labelEn).not.toMatch(CJK);
    }
    expect(english("4.8", "万篇(条)", "about")).toBe("about 48,000");
    expect(english("3000", "万人次", "over")).toBe("over 30 million visits");
    expect(english("587", "个", "nearly")).toBe("nearly 587");
  });

  it("has English for every known base unit, at every magnitude, with no Chinese left", () => {
    for (const baseUnit of KNOWN_BASE_UNITS) {
      const unit = ENGLISH_BASE_UNITS[baseUnit];
      expect(unit, `English for ${baseUnit}`).toBeDefined();
      expect(`${unit.one} ${unit.other}`).not.toMatch(CJK);
      const magnitudes = baseUnit === "%" ? [""] : ["", "万", "亿", "万亿", "萬", "億"];
      for (const magnitude of magnitudes) {
        const text = english("12.5", `${magnitude}${baseUnit}`);
        expect(text, `${magnitude}${baseUnit}`).not.toMatch(CJK);
        const resolved = resolveUnit(`${magnitude}${baseUnit}`);
        expect(resolved.known, `${magnitude}${baseUnit} is known`).toBe(true);
        if (unit.other && unit.other !== "%") expect(text.endsWith(` ${unit.other}`), text).toBe(true);
      }
    }
  });

  it("scales by the English short scale and writes smaller amounts in full", () => {
    expect(english("12.5", "万元")).toBe("125,000 yuan");
    expect(english("99.99", "万元")).toBe("999,900 yuan");
    expect(english("100", "万元")).toBe("1 million yuan");
    expect(english("12.5", "亿元")).toBe("1.25 billion yuan");
    expect(english("1.2", "万亿元")).toBe("1.2 trillion yuan");
    expect(english("3.5", "萬億元")).toBe("3.5 trillion yuan");
    expect(english("974", "家")).toBe("974");
    expect(english("12.5", "%")).toBe("12.5%");
    expect(english("0.05", "%", "about")).toBe("about 0.05%");
    expect(formatEnglishAmount("-2500000").text).toBe("-2.5 million");
  });

  it("keeps every digit of the stored value (no floating point)", () => {
    expect(english("123456789.123456", "元")).toBe("123.456789123456 million yuan");
    expect(english("9007199254740993", "元")).toBe("9,007.199254740993 trillion yuan");
    expect(english("0.000001", "吨")).toBe("0.000001 tonnes");
  });

  it("uses the singular for exactly one", () => {
    expect(english("1", "人次")).toBe("1 visit");
    expect(english("1", "国")).toBe("1 country");
    expect(english("1", "万人次")).toBe("10,000 visits");
    expect(english("100", "万平方米")).toBe("1 million square metres");
  });

  it("leaves a custom unit without an English word rather than showing Chinese", () => {
    expect(englishUnit("艘")).toEqual({ one: "", other: "" });
    expect(english("12", "艘")).toBe("12");
  });

  it("takes the figure's English label, then the key's, then the Chinese one", () => {
    expect(englishFigureLabel({ label: "签约项目", labelEn: "Projects signed", keyLabelEn: "Signed" })).toBe(
      "Projects signed",
    );
    expect(englishFigureLabel({ label: "签约项目", labelEn: "  ", keyLabelEn: "Signed projects" })).toBe(
      "Signed projects",
    );
    expect(englishFigureLabel({ label: "签约项目", labelEn: null, keyLabelEn: null })).toBe("签约项目");
  });
});

describe("when a translation goes out of date", () => {
  const row = (
    key: string,
    value: string,
    extra: Partial<{ qualifier: string; unitScale: string }> = {},
  ) => ({
    key,
    value,
    unitScale: extra.unitScale ?? "1",
    baseUnit: "个",
    qualifier: extra.qualifier ?? "exact",
  });
  it("ignores order and exact-equal rewrites, sees changed, added and removed amounts", () => {
    const before = [row("a", "587"), row("b", "3425.000000")];
    expect(figureValuesDiffer(before, [row("b", "3425"), row("a", "587.0")])).toBe(false);
    expect(figureValuesDiffer(before, [row("a", "588"), row("b", "3425")])).toBe(true);
    expect(figureValuesDiffer(before, [row("a", "587")])).toBe(true);
    expect(figureValuesDiffer(before, [...before, row("c", "1")])).toBe(true);
    expect(figureValuesDiffer(before, [row("a", "587", { qualifier: "about" }), row("b", "3425")])).toBe(
      true,
    );
    expect(figureValuesDiffer(before, [row("a", "587", { unitScale: "10000" }), row("b", "3425")])).toBe(
      true,
    );
  });
});
