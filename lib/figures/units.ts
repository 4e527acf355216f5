import { shiftDecimal } from "./decimal";

// Chinese units are a magnitude word plus a base unit: 万人次 = 10^4 人次, 亿元 = 10^8 元.
// Traditional 億/萬 (Hong Kong, Macau, Taiwan texts) scale the same.
const MAGNITUDES: ReadonlyArray<readonly [string, number]> = [
  ["万亿", 12],
  ["萬億", 12],
  ["亿", 8],
  ["億", 8],
  ["万", 4],
  ["萬", 4],
];
/** Magnitudes for writing a number back as text: simplified only. */
const WRITTEN_MAGNITUDES = MAGNITUDES.filter(([word]) => !/[萬億]/.test(word));

/** Base units a figure may use without declaring a new one. */
export const KNOWN_BASE_UNITS = [
  "名",
  "人",
  "人次",
  "位",
  "个",
  "家",
  "户",
  "件",
  "条",
  "项",
  "场",
  "场次",
  "所",
  "国",
  "篇",
  "篇(条)",
  "次",
  "元",
  "美元",
  "平方米",
  "公顷",
  "吨",
  "辆",
  "台",
  "套",
  "%",
] as const;

// Base units as Hong Kong, Macau and Taiwan texts write them: stored in their simplified form so a
// key keeps one base unit across scripts (簽約項目 587個 and 签约项目 587个 compare).
const TRADITIONAL_BASE_UNITS: Record<string, string> = {
  個: "个",
  項: "项",
  場: "场",
  場次: "场次",
  條: "条",
  輛: "辆",
  臺: "台",
  噸: "吨",
  國: "国",
  戶: "户",
};

export interface ResolvedUnit {
  unit: string;
  baseUnit: string;
  /** Power of ten from the unit to its base unit. */
  exponent: number;
  known: boolean;
}

export function resolveUnit(unit: string): ResolvedUnit {
  const trimmed = unit.trim();
  for (const [word, exponent] of MAGNITUDES) {
    const rest = simplifiedBaseUnit(trimmed.slice(word.length));
    if (trimmed.startsWith(word) && rest) {
      return { unit: trimmed, baseUnit: rest, exponent, known: isKnownBaseUnit(rest) };
    }
  }
  const base = simplifiedBaseUnit(trimmed);
  return { unit: trimmed, baseUnit: base, exponent: 0, known: isKnownBaseUnit(base) };
}

function simplifiedBaseUnit(unit: string): string {
  return TRADITIONAL_BASE_UNITS[unit] ?? unit;
}

export function isKnownBaseUnit(unit: string): boolean {
  return (KNOWN_BASE_UNITS as readonly string[]).includes(unit);
}

export function isPercent(unit: string): boolean {
  return unit.trim() === "%";
}

/** The figure in its base unit: 1.6 万名 -> "16000" 名. */
export function toBaseValue(value: string, unit: string): { value: string; unit: string } {
  const resolved = resolveUnit(unit);
  return { value: shiftDecimal(value, resolved.exponent), unit: resolved.baseUnit };
}

/** Writes a base amount the way Chinese text does: 16000 名 -> 1.6万名, 342500000000 元 -> 3425亿元. */
export function toReadableUnit(baseValue: string, baseUnit: string): { value: string; unit: string } {
  if (baseUnit === "%") return { value: baseValue, unit: baseUnit };
  const digits = baseValue.replace(/^-/, "").split(".")[0].length;
  for (const [word, exponent] of WRITTEN_MAGNITUDES) {
    if (digits > exponent) return { value: shiftDecimal(baseValue, -exponent), unit: word + baseUnit };
  }
  return { value: baseValue, unit: baseUnit };
}
