import type { KNOWN_BASE_UNITS } from "./units";

type KnownBaseUnit = (typeof KNOWN_BASE_UNITS)[number];

/** A base unit in English: singular and plural; "" where Chinese uses a measure word (名, 个, 家 …). */
export interface EnglishUnit {
  one: string;
  other: string;
}

const none: EnglishUnit = { one: "", other: "" };

// Typed over every known base unit: a unit added to units.ts without its English fails to compile
// (and tests/unit/figures-english.test.ts loops over the registry too). Measure words have no English
// counterpart; the figure's label names what is counted ("16,000 guests" reads as label + number).
export const ENGLISH_BASE_UNITS: Record<KnownBaseUnit, EnglishUnit> = {
  名: none,
  人: none,
  人次: { one: "visit", other: "visits" },
  位: none,
  个: none,
  家: none,
  户: none,
  件: none,
  条: none,
  项: none,
  场: none,
  场次: none,
  所: none,
  国: { one: "country", other: "countries" },
  篇: none,
  "篇(条)": none,
  次: none,
  元: { one: "yuan", other: "yuan" },
  美元: { one: "US dollar", other: "US dollars" },
  平方米: { one: "square metre", other: "square metres" },
  公顷: { one: "hectare", other: "hectares" },
  吨: { one: "tonne", other: "tonnes" },
  辆: { one: "vehicle", other: "vehicles" },
  台: { one: "unit", other: "units" },
  套: { one: "set", other: "sets" },
  "%": { one: "%", other: "%" },
};

/** The English unit of a base unit; an unknown (custom) unit has none, so no Chinese leaks into English. */
export function englishUnit(baseUnit: string): EnglishUnit {
  return (ENGLISH_BASE_UNITS as Record<string, EnglishUnit>)[baseUnit] ?? none;
}
