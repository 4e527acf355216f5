import type { FigureQualifier } from "../generated/prisma/enums";
import { toBaseValue } from "../figures/units";
import type { NumberToken } from "./numbers";
import {
  BASE_UNITS,
  IMPLIED_UNITS,
  INTRODUCING_VERBS,
  LEADING_WORDS,
  MAGNITUDE_WORDS,
  NOT_AMOUNT_AFTER,
  NOT_AMOUNT_BEFORE,
  QUALIFIER_WORDS,
  ROLE_AFTER_SUBJECT,
  STRUCTURE_NOUNS,
  SUBJECT_END_EXCEPTIONS,
  SUBJECT_ENDS,
} from "./rule-tables";
import { type Span } from "./text-spans";

/** One figure read at a number of a paragraph (offsets in the paragraph). */
export interface FigureReading {
  label: string;
  value: string;
  unit: string;
  baseValue: string;
  baseUnit: string;
  qualifier: FigureQualifier;
  qualifierWord: string | null;
  /** The words that state the figure: from the qualifier (约, 超 …; not 达) to the unit. */
  start: number;
  end: number;
  /** Where the number itself starts (the qualifier may stand before it). */
  numberStart: number;
  confidence: number;
  notes: string[];
}

const BEFORE_WORDS = QUALIFIER_WORDS.filter((q) => q.position === "before");
const AFTER_WORDS = QUALIFIER_WORDS.filter((q) => q.position === "after");
const LABEL_MAX_CHARS = 30;
/** "9月23日单日观展人数": the day belongs to the sentence; the subject is 单日观展人数. */
const LEADING_DATE = /^(?:\d{4}年)?\d{1,2}月\d{1,2}日/;
/** A number glued to letters, digits, hyphens or colons is a code, a phone number or a time. */
const GLUED = /[A-Za-z0-9\-:/_@.]/;

const startsAt = (text: string, at: number, words: readonly string[]) =>
  [...words].sort((a, b) => b.length - a.length).find((w) => text.startsWith(w, at));
const endsAt = (text: string, at: number, words: readonly string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .find((w) => at - w.length >= 0 && text.startsWith(w, at - w.length));

/**
 * Reads the figure a number states, or null when the number is not an amount (a date, an ordinal,
 * a year in a name, a phone number, a number with no unit to count in).
 */
export function readFigure(text: string, token: NumberToken, clause: Span): FigureReading | null {
  if (GLUED.test(text[token.start - 1] ?? "") || GLUED.test(text[token.end] ?? "")) return null;
  if (endsAt(text, token.start, NOT_AMOUNT_BEFORE)) return null;

  let start = token.start;
  let qualifier: FigureQualifier = "exact";
  let qualifierWord: string | null = null;
  const before = BEFORE_WORDS.find((q) => text.startsWith(q.word, token.start - q.word.length));
  if (before) {
    qualifier = before.qualifier;
    qualifierWord = before.word;
    // "达" belongs to the sentence, not to the figure's words (线上访问量达1382.8万人次).
    if (before.qualifier !== "exact") start -= before.word.length;
  }
  const percentWords = text.startsWith("百分之", token.start - 3);
  if (percentWords) start = token.start - 3;

  let at = token.end;
  const after = AFTER_WORDS.find((q) => text.startsWith(q.word, at));
  if (after && qualifier === "exact") {
    qualifier = after.qualifier;
    qualifierWord = after.word;
    at += after.word.length;
  }
  const unitMagnitude = token.magnitude ? "" : (startsAt(text, at, MAGNITUDE_WORDS) ?? "");
  at += unitMagnitude.length;
  const base = percentWords
    ? { word: "%", counter: false }
    : BASE_UNITS.find((u) => text.startsWith(u.word, at));
  if (base && !percentWords) at += base.word.length;
  // "500强", "3个月", and "2小时9分31秒" (a time, the unit followed by more digits).
  if (startsAt(text, at, NOT_AMOUNT_AFTER) || (base && /[0-9]/.test(text[at] ?? ""))) return null;

  const notes: string[] = [];
  const subjectBefore = readSubjectBefore(
    text.slice(clause.start, start - (before?.qualifier === "exact" ? before.word.length : 0)),
  );
  const subjectAfter = readSubjectAfter(text.slice(at, clause.end));
  let baseUnit = base?.word;
  let confidence = 0.9;
  if (!baseUnit) {
    // No unit of its own: only a number that ends its clause may take one from its subject.
    if (at !== clause.end) return null;
    baseUnit = IMPLIED_UNITS.find((u) => subjectBefore.label.endsWith(u.labelEnding))?.baseUnit;
    if (!baseUnit) return null;
    confidence = 0.7;
    notes.push("单位由指标名称推断");
  }

  const label =
    (base?.counter && subjectAfter) || !subjectBefore.label
      ? subjectAfter || subjectBefore.label
      : subjectBefore.label;
  if (token.inWords && !token.magnitude && !unitMagnitude && token.value.length === 1) {
    confidence = Math.min(confidence, 0.4);
    notes.push("汉字小数目，多为泛指");
  }
  if (STRUCTURE_NOUNS.some((n) => label === n)) {
    confidence = Math.min(confidence, 0.3);
    notes.push("像是文章结构而非成果数据");
  }

  const unit = `${token.magnitude}${unitMagnitude}${baseUnit}`;
  const baseAmount = toBaseValue(token.value, unit);
  return {
    label: label.slice(0, LABEL_MAX_CHARS),
    value: token.value,
    unit,
    baseValue: baseAmount.value,
    baseUnit: baseAmount.unit,
    qualifier,
    qualifierWord,
    start,
    end: at,
    numberStart: token.start,
    confidence: Math.round(confidence * 100) / 100,
    notes,
  };
}

/** The subject written before a figure: "其中政商学界代表等重要嘉宾|2158名" -> 重要嘉宾. */
export function readSubjectBefore(raw: string): { label: string } {
  let text = raw.trim().replace(LEADING_DATE, "");
  const title = text.lastIndexOf("》");
  if (title !== -1 && title < text.length - 1) text = text.slice(title + 1);
  const etc = text.lastIndexOf("等");
  if (etc !== -1 && etc < text.length - 1) text = text.slice(etc + 1);
  else if (etc === text.length - 1) return { label: "" };
  for (let word = startsAt(text, 0, LEADING_WORDS); word; word = startsAt(text, 0, LEADING_WORDS))
    text = text.slice(word.length);
  let verbEnd = -1;
  for (const verb of INTRODUCING_VERBS) {
    const at = text.lastIndexOf(verb);
    if (at !== -1) verbEnd = Math.max(verbEnd, at + verb.length);
  }
  if (verbEnd !== -1) text = text.slice(verbEnd);
  text = text.replace(/(?:为|是|了|共|计)$/, "");
  // "全市固定资产投资同比增长": the comparison belongs to the rate, the subject stays.
  const change = /(?:同比|环比|较上[届年期]|比上[届年期月])?(?:增长|增加|提高|下降|减少)$/.exec(text);
  if (change && change.index > 0) return { label: text.trim() };
  if (text.endsWith("的")) return { label: "" };
  const of = text.lastIndexOf("的");
  if (of !== -1) text = text.slice(of + 1);
  return { label: text.trim() };
}

/**
 * The noun a counter counts: "974家|企业参展" -> 参展企业, "8个|国家及港澳台地区的…" -> 国家,
 * "6场|“六百”项目对接活动" -> whole (对接 is no end).
 */
export function readSubjectAfter(raw: string): string {
  let text = raw.trim();
  const digit = text.search(/[0-9]/);
  if (digit !== -1) text = text.slice(0, digit);
  let end = text.length;
  let endWord = "";
  for (const word of SUBJECT_ENDS) {
    for (let at = text.indexOf(word); at > 0 && at < end; at = text.indexOf(word, at + 1)) {
      if (SUBJECT_END_EXCEPTIONS.some((w) => text.startsWith(w, at))) continue;
      end = at;
      endWord = word;
      break;
    }
  }
  const noun = text.slice(0, end).trim();
  const role = ROLE_AFTER_SUBJECT.includes(endWord) ? endWord : "";
  return `${role}${noun}`.slice(0, LABEL_MAX_CHARS);
}
