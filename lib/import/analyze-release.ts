import { escapeHtml } from "../content/escape-html";
import { photoCaptionHtml } from "../content/photo-caption";
import type { FigureQualifier } from "../generated/prisma/enums";
import { AppError } from "../errors";
import { findNumbers } from "./numbers";
import { CHANGE_WORDS } from "./rule-tables";
import { readFigure, type FigureReading } from "./read-figure";
import { attachRecordClaims } from "./records";
import { applyRespectively } from "./respectively";
import { detectScript, foldWidth, toSimplified, type Script } from "./script";
import { outlineRelease, type BlockKind } from "./structure";
import { suggestKeys, type KeySuggestion, type RegistryKey } from "./suggest-key";
import { characterOverlap, clausesOf, sentencesOf, spanAt } from "./text-spans";

/** The largest text the assistant reads (a long results release is about 10,000 characters). */
export const IMPORT_MAX_CHARS = 200_000;
/** Proposals below this confidence are shown but not accepted by default (and not counted as proposed). */
export const PROPOSAL_THRESHOLD = 0.5;
const SOURCE_TEXT_MAX = 500;

export interface FigureProposal {
  label: string;
  value: string;
  unit: string;
  baseValue: string;
  baseUnit: string;
  qualifier: FigureQualifier;
  qualifierWord: string | null;
  mention: string;
  sourceText: string;
  isRecord: boolean;
  recordNote: string | null;
  /** Proposed as a key figure: its key is one in a release readers see. */
  highlighted: boolean;
  key: string;
  keySource: KeySuggestion["source"];
  keyMatchedLabel: string | null;
  confidence: number;
  notes: string[];
  section: string | null;
  /** Where the mention is: block index and offsets in that block's text. */
  block: number;
  start: number;
  end: number;
}

export interface ImportBlock {
  kind: BlockKind;
  text: string;
  /** A photo's: where its credit starts in `text` (the caption is what comes before it). */
  creditStart?: number;
}

export interface ImportProposal {
  release: {
    title: string;
    sourceName: string | null;
    byline: string | null;
    /** 原文发布时间 proposed (lib/import/structure.ts); the draft keeps it as statedPublishAt. */
    publishedAt: string | null;
    /** Whether the text gave a time of day (else publishedAt is 00:00 Beijing time of the date). */
    publishedAtHasTime: boolean;
    body: string;
  };
  script: Script;
  /** Whether body, mentions and sentences are in the original (traditional) script. */
  keptOriginalScript: boolean;
  blocks: ImportBlock[];
  figures: FigureProposal[];
}

export interface AnalyzeOptions {
  registry?: readonly RegistryKey[];
  /** For a traditional-script text: keep its characters in the body instead of the simplified copy. */
  keepOriginalScript?: boolean;
  /** Keys that are key figures of public releases: the same figures are proposed as key figures. */
  keyFigureKeys?: ReadonlySet<string>;
}

type Reading = FigureReading & {
  block: number;
  isRecord: boolean;
  recordNote: string | null;
  section: string | null;
};

/**
 * The draft a pasted release suggests: title, source, byline, date, body as paragraphs and
 * headings, and every figure with its unit, qualifier, subject, record claim and key. Pure: the
 * registry comes in as a parameter, nothing is read or written.
 */
export function analyzeRelease(input: string, options: AnalyzeOptions = {}): ImportProposal {
  const original = input.replace(/\r\n?/g, "\n").replace(/^\ufeff/, "");
  if (!original.trim()) throw new AppError("bad_request", "内容是空的：请粘贴稿件文字或上传文件");
  if (original.length > IMPORT_MAX_CHARS)
    throw new AppError(
      "payload_too_large",
      `稿件过长（上限 ${IMPORT_MAX_CHARS.toLocaleString("zh-CN")} 字）`,
    );

  const script = detectScript(original);
  const simplified = script === "traditional" ? toSimplified(original) : original;
  const analysis = foldWidth(simplified).split("\n");
  const keepOriginal = script === "traditional" && Boolean(options.keepOriginalScript);
  const display = (keepOriginal ? original : simplified).split("\n");

  const outline = outlineRelease(analysis);
  const blocks: ImportBlock[] = outline.blocks.map((b) => ({
    kind: b.kind,
    text: display[b.line].trim(),
    ...(b.creditStart !== undefined && { creditStart: b.creditStart }),
  }));
  const readings: Reading[] = [];
  let section: string | null = null;
  outline.blocks.forEach((b, index) => {
    if (b.kind === "heading") section = analysis[b.line].trim();
    if (b.kind !== "paragraph") return;
    readings.push(...readParagraph(analysis[b.line].trim(), index, section));
  });
  markRepeats(readings);

  const keys = suggestKeys(readings, options.registry ?? []);
  const figures = readings.map((r, i): FigureProposal => {
    const text = blocks[r.block].text;
    const sentence = spanAt(sentencesOf(text), r.numberStart);
    return {
      label: r.label,
      value: r.value,
      unit: r.unit,
      baseValue: r.baseValue,
      baseUnit: r.baseUnit,
      qualifier: r.qualifier,
      qualifierWord: r.qualifierWord,
      mention: text.slice(r.start, r.end),
      sourceText: text.slice(sentence.start, sentence.end).trim().slice(0, SOURCE_TEXT_MAX),
      isRecord: r.isRecord,
      recordNote: r.recordNote,
      highlighted: options.keyFigureKeys?.has(keys[i].key) ?? false,
      key: keys[i].key,
      keySource: keys[i].source,
      keyMatchedLabel: keys[i].matchedLabel,
      confidence: r.confidence,
      notes: r.notes,
      section: r.section,
      block: r.block,
      start: r.start,
      end: r.end,
    };
  });

  const title = outline.titleLine === null ? "" : display[outline.titleLine].trim();
  return {
    release: {
      title,
      sourceName: outline.sourceName,
      byline: outline.byline,
      publishedAt: outline.publishedAt,
      publishedAtHasTime: outline.publishedAtHasTime,
      body: blocksToHtml(blocks),
    },
    script,
    keptOriginalScript: keepOriginal,
    blocks,
    figures,
  };
}

function readParagraph(text: string, block: number, section: string | null): Reading[] {
  const clauses = clausesOf(text);
  const readings: Reading[] = [];
  for (const token of findNumbers(text)) {
    if (readings.some((r) => token.start < r.end)) continue;
    const reading = readFigure(text, token, spanAt(clauses, token.start));
    if (reading) readings.push({ ...reading, block, isRecord: false, recordNote: null, section });
  }
  for (const sentence of sentencesOf(text)) {
    labelChanges(sentence, readings);
    applyRespectively(text, sentence, readings);
    attachRecordClaims(text, sentence, readings);
  }
  for (const reading of readings.filter((r) => !r.label)) {
    reading.confidence = Math.round((reading.confidence - 0.3) * 100) / 100;
    reading.notes.push("未找到指标名称");
  }
  return readings;
}

/** "第一产业增加值89.2亿元，增长3.5%": the rate is the change of the figure before it. */
function labelChanges(sentence: { start: number; end: number }, readings: Reading[]) {
  const inSentence = readings.filter((r) => r.start >= sentence.start && r.end <= sentence.end);
  inSentence.forEach((r, i) => {
    const change = CHANGE_WORDS.find((c) => c.pattern.test(r.label));
    const measured = inSentence.slice(0, i).findLast((p) => p.baseUnit !== "%");
    if (change && measured) r.label = `${measured.label}${change.suffix}`;
  });
}

/**
 * A summary at the top often repeats a figure the sections state again ("举办各类重要活动60场次"
 * … "大会共举办各类活动60场次"): the repeat is proposed with low confidence.
 */
function markRepeats(readings: Reading[]) {
  readings.forEach((r, i) => {
    const first = readings
      .slice(0, i)
      .find(
        (e) =>
          e.baseValue === r.baseValue &&
          e.baseUnit === r.baseUnit &&
          (characterOverlap(e.label, r.label) >= 0.5 ||
            e.label.includes(r.label) ||
            r.label.includes(e.label)),
      );
    if (!first) return;
    r.confidence = Math.min(r.confidence, 0.3);
    r.notes.push(`与前文“${first.label}”重复`);
  });
}

export function blocksToHtml(blocks: readonly ImportBlock[]): string {
  const tag: Record<Exclude<BlockKind, "photo">, string> = {
    heading: "h2",
    subheading: "h3",
    paragraph: "p",
  };
  return blocks
    .map((b) => {
      if (b.kind !== "photo") return `<${tag[b.kind]}>${escapeHtml(b.text)}</${tag[b.kind]}>`;
      const at = b.creditStart ?? 0;
      return photoCaptionHtml(b.text.slice(0, at).trimEnd(), b.text.slice(at).trim() || null);
    })
    .join("\n");
}
