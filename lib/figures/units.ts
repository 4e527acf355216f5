import { shiftDecimal } from "./decimal";

// Chinese units are a magnitude word plus a base unit: 万人次 = 10^4 人次, 亿元 = 10^8 元.
const MAGNITUDES: ReadonlyArray<readonly [string, number]> = [
  ["万亿", 12],
  ["亿", 8],
  ["万", 4],
];

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
    const rest = trimmed.slice(word.length);
    if (trimmed.startsWith(word) && rest) {
      return { unit: trimmed, baseUnit: rest, exponent, known: isKnownBaseUnit(rest) };
    }
  }
  return { unit: trimmed, baseUnit: trimmed, exponent: 0, known: isKnownBaseUnit(trimmed) };
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
  for (const [word, exponent] of MAGNITUDES) {
    if (digits > exponent) return { value: shiftDecimal(baseValue, -exponent), unit: word + baseUnit };
  }
  return { value: baseValue, unit: baseUnit };
}
