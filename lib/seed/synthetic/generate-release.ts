// One synthetic release and its figures, from the seeded generator: pure, so a unit test can check
// every figure against the editor's own rules (figureInputSchema) without a database.
import { escapeHtml } from "../../content/escape-html";
import type { FigureQualifier } from "../../generated/prisma/enums";
import { normalizeDecimal } from "../../figures/decimal";
import { figureRow, type FigureSource } from "../../figures/figure-row";
import { qualifierPosition, QUALIFIERS } from "../../figures/qualifiers";
import { resolveUnit, toReadableUnit } from "../../figures/units";
import { wmc2023Figures } from "../../../prisma/seed-data/wmc-2023-figures";
import type { Random } from "./prng";
import { CITIES, CITIES_EN, INDUSTRIES, RECORD_NOTES, SECTIONS, SYNTHETIC_KEYS } from "./vocabulary";

export interface KeyEntry {
  key: string;
  label: string;
  labelEn: string | null;
  baseUnit: string;
}

export interface EventChoice {
  name: string;
  nameEn: string;
}

/** The seed's registry keys and the synthetic ones: every release states 50 of them. */
export function syntheticKeyPool(): KeyEntry[] {
  const seedKeys = wmc2023Figures.map((f) => ({
    key: f.key,
    label: f.label,
    labelEn: null,
    baseUnit: resolveUnit(f.unit).baseUnit,
  }));
  const own = SYNTHETIC_KEYS.map(([key, label, labelEn, baseUnit]) => ({ key, label, labelEn, baseUnit }));
  return [...seedKeys, ...own];
}

export const FIGURES_PER_RELEASE = 50;
const HIGHLIGHTED_PER_RELEASE = 6;
const VARIANTS_PER_KEY = 40;
// About one and a half record claims per release.
const RECORD_SHARE = 0.03;

// Powers of ten a base amount ranges over, by base unit: money in 千万-千亿元, visits up to 千万人次.
const MAGNITUDE_RANGE: Record<string, readonly [number, number]> = {
  元: [7, 11],
  美元: [6, 9],
  人次: [3, 7],
  平方米: [3, 5],
  名: [1, 4],
};

/** A base amount a press release would print for this base unit: two or three significant digits. */
function baseAmount(random: Random, baseUnit: string): string {
  if (baseUnit === "%") return `${random.int(1, 98)}.${random.int(0, 9)}`;
  const [low, high] = MAGNITUDE_RANGE[baseUnit] ?? [0, 3];
  const digits = random.int(low, high) + 1;
  const significant = Math.min(digits, random.int(2, 3));
  const head = String(random.int(10 ** (significant - 1), 10 ** significant - 1));
  return head + "0".repeat(digits - significant);
}

function pickQualifier(random: Random, unit: string, baseUnit: string): FigureQualifier {
  if (!random.chance(0.25)) return "exact";
  const qualifier = random.pick<FigureQualifier>(["about", "more_than", "over", "nearly"]);
  // 余/多 sit between number and unit: only where the unit has no magnitude word ("4500余家").
  if (qualifier === "more_than" && (unit !== baseUnit || baseUnit === "%")) return "over";
  return qualifier;
}

/** How the text writes the figure: 约1.6万名, 587个, 4500余家. */
function mentionOf(value: string, unit: string, qualifier: FigureQualifier): string {
  const word = QUALIFIERS[qualifier].words[0];
  if (!word) return `${value}${unit}`;
  return qualifierPosition(qualifier, word) === "before"
    ? `${word}${value}${unit}`
    : `${value}${word}${unit}`;
}

const SENTENCES = [
  (label: string, mention: string) => `${label}达${mention}`,
  (label: string, mention: string) => `共有${label}${mention}`,
  (label: string, mention: string) => `其中${label}${mention}`,
  (label: string, mention: string) => `全年${label}${mention}，较上届明显增加`,
  (label: string, mention: string) => `据统计，${label}${mention}`,
];

export type FigureVariant = ReturnType<typeof figureRow>;

/** A figure of this key as a release could state it: value, unit, qualifier, sentence. */
export function generateFigureSource(random: Random, entry: KeyEntry): FigureSource {
  const readable = toReadableUnit(baseAmount(random, entry.baseUnit), entry.baseUnit);
  const value = normalizeDecimal(readable.value);
  const qualifier = pickQualifier(random, readable.unit, entry.baseUnit);
  const mention = mentionOf(value, readable.unit, qualifier);
  const sentence = random.pick(SENTENCES)(entry.label, mention);
  const isRecord = random.chance(RECORD_SHARE);
  return {
    key: entry.key,
    label: entry.label,
    value,
    unit: readable.unit,
    qualifier,
    qualifierWord: null,
    partOfKey: null,
    section: null,
    highlighted: false,
    isRecord,
    recordNote: isRecord ? random.pick(RECORD_NOTES) : null,
    sourceText: isRecord ? `${sentence}，${random.pick(RECORD_NOTES)}` : sentence,
    mention,
  };
}

/**
 * Ways each key's figure is stated, built once through figureRow (the editor's own row builder)
 * and shared by the releases: building 450,000 rows one by one spent a minute sanitising text.
 */
export function buildFigureVariants(
  random: Random,
  keys: readonly KeyEntry[],
  perKey = VARIANTS_PER_KEY,
): Map<string, FigureVariant[]> {
  return new Map(
    keys.map((entry) => [
      entry.key,
      Array.from({ length: perKey }, () => figureRow(generateFigureSource(random, entry))),
    ]),
  );
}

/** 50 figures of distinct keys in five sections, the first six the key figures. */
export function pickFigures(random: Random, variants: Map<string, FigureVariant[]>) {
  const chosen = random.sample([...variants.keys()], FIGURES_PER_RELEASE);
  const sections = random.sample(SECTIONS, 5);
  return chosen.map((key, index) => ({
    ...random.pick(variants.get(key) ?? []),
    section: sections[Math.floor(index / (FIGURES_PER_RELEASE / sections.length))],
    highlighted: index < HIGHLIGHTED_PER_RELEASE,
    sortOrder: index,
  }));
}

export interface GeneratedRelease {
  title: string;
  summary: string;
  body: string;
  figures: ReturnType<typeof pickFigures>;
  titleEn: string;
  summaryEn: string;
  bodyEn: string;
}

const TITLES = [
  (c: TitleContext) => `${c.year}${c.event}${c.industry}专题对接会签约项目${c.first}`,
  (c: TitleContext) => `${c.city}在${c.event}上签约${c.industry}项目 ${c.second}`,
  (c: TitleContext) => `${c.event}${c.industry}产业发展论坛在${c.city}举行`,
  (c: TitleContext) => `${c.year}${c.event}${c.industry}展区亮点抢先看`,
  (c: TitleContext) => `${c.industry}领域新成果在${c.event}集中发布 ${c.first}`,
  (c: TitleContext) => `${c.city}代表团参加${c.year}${c.event}成果丰硕`,
  (c: TitleContext) => `${c.event}新闻发布会介绍${c.year}年${c.industry}板块筹备情况`,
  (c: TitleContext) => `${c.year}${c.event}闭幕 ${c.industry}合作再上新台阶`,
];

interface TitleContext {
  year: number;
  event: string;
  industry: string;
  city: string;
  first: string;
  second: string;
}

/** A release's Chinese text around its figures, and the English translation's text. */
export function generateRelease(
  random: Random,
  input: { variants: Map<string, FigureVariant[]>; event: EventChoice | null; publishAt: Date },
): GeneratedRelease {
  const figures = pickFigures(random, input.variants);
  const [industry, industryEn] = random.pick(INDUSTRIES);
  const city = random.pick(CITIES);
  const year = input.publishAt.getUTCFullYear();
  const event = input.event?.name ?? `${city}${industry}产业推介会`;
  const eventEn = input.event?.nameEn ?? `${CITIES_EN[city]} investment promotion for ${industryEn}`;
  const label = (i: number) => `${figures[i].label}${figures[i].mention}`;
  const title = random.pick(TITLES)({
    year,
    event,
    industry,
    city,
    first: figures[0].mention ?? "",
    second: label(1),
  });
  const date = `${input.publishAt.getUTCMonth() + 1}月${input.publishAt.getUTCDate()}日`;
  const summary = `${date}，${event}${industry}板块活动在${city}举行，${label(0)}、${label(1)}、${label(2)}。`;

  const paragraphs: string[] = [
    `<p>${escapeHtml(`${date}，${year}${event}${industry}板块系列活动在${city}举行。来自国内外的企业家、专家学者和各地代表团齐聚一堂，围绕${industry}产业链协同、科技创新与开放合作深入交流。`)}</p>`,
  ];
  let section: string | null = null;
  let sentences: string[] = [];
  const flush = () => {
    if (sentences.length) paragraphs.push(`<p>${escapeHtml(sentences.join("；") + "。")}</p>`);
    sentences = [];
  };
  for (const figure of figures) {
    if (figure.section !== section) {
      flush();
      section = figure.section;
      paragraphs.push(`<h2>${escapeHtml(section ?? "")}</h2>`);
    }
    sentences.push(figure.sourceText ?? "");
    if (sentences.length === 4) flush();
  }
  flush();
  paragraphs.push(
    `<p>${escapeHtml(`下一步，${city}将持续跟踪签约项目落地进度，强化要素保障，推动${industry}产业集群加快发展。`)}</p>`,
  );

  const cityEn = CITIES_EN[city];
  const titleEn = `${eventEn} ${year}: ${industryEn} in focus in ${cityEn}`;
  const summaryEn = `The ${industryEn} programme of the ${year} ${eventEn} took place in ${cityEn}, with companies, experts and delegations from home and abroad.`;
  const bodyEn = [
    `<p>${escapeHtml(`${summaryEn} Talks centred on supply-chain cooperation, innovation and opening up.`)}</p>`,
    `<p>${escapeHtml(`${cityEn} will follow up the projects signed and support the growth of its ${industryEn} cluster.`)}</p>`,
  ].join("\n");

  return { title, summary, body: paragraphs.join("\n"), figures, titleEn, summaryEn, bodyEn };
}
