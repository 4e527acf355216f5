import { wallClockExists } from "../i18n/format-date";
import { DATELINE, END_MARKERS, META_FIELDS, PHOTO_CREDIT, photoCreditStart } from "./rule-tables";

/** A photo is its caption line: the image itself never comes with pasted text. */
export type BlockKind = "heading" | "subheading" | "paragraph" | "photo";

export interface Block {
  kind: BlockKind;
  /** Index of the line in the text (both copies of the text have the same lines). */
  line: number;
  /** A photo's: where its credit starts in the trimmed line (same offsets in both copies). */
  creditStart?: number;
}

export interface ReleaseOutline {
  titleLine: number | null;
  sourceName: string | null;
  byline: string | null;
  /**
   * ISO 8601 with the +08:00 offset, when the text states a date: times without a zone are Beijing
   * time, and a date without a time is that day at 00:00 Beijing time.
   */
  publishedAt: string | null;
  /** Whether the text gave the time of day too (else publishedAt is the day's 00:00). */
  publishedAtHasTime: boolean;
  blocks: Block[];
}

const SENTENCE_PUNCTUATION = /[。！？!?；;，,：:]/;
/** "一、", "（二）", "1." : numbered headings may contain a 、 of their own. */
const NUMBERED_HEADING = /^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d{1,2}[.、])/;
const HEADING_MAX_CHARS = 30;

function isHeadingLike(line: string): boolean {
  if (line.length > HEADING_MAX_CHARS || PHOTO_CREDIT.test(line)) return false;
  if (NUMBERED_HEADING.test(line)) return !/[。！？!?]$/.test(line);
  return !SENTENCE_PUNCTUATION.test(line);
}

/** "示例市统计局 2024年4月19日": an issuer and a date alone on a line. */
const ISSUER_AND_DATE = /^([^\s\d，,。:：]{2,20})\s+(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)$/;

/** "2023年9月24日" or "2023-09-24 10:30" alone on a line under the title: the release's date, not a heading. */
const DATE_ALONE = new RegExp(
  `^(?:${META_FIELDS.find((m) => m.field === "publishedAt")!.pattern.source})\\s*[分秒]?$`,
);

function isMetaLine(line: string): boolean {
  if (ISSUER_AND_DATE.test(line) || DATE_ALONE.test(line)) return true;
  return (
    line.length <= 160 &&
    !line.includes("。") &&
    META_FIELDS.some((m) => m.field !== "byline" && m.pattern.test(line)) &&
    /发布|来源|来自|时间|日期|作者|编辑|浏览|阅读/.test(line)
  );
}

/** A date and time as written (2023-09-28 16:32:08, 2023年9月28日) in Beijing time, or null. */
export function parseStatedDate(match: RegExpExecArray): string | null {
  const [year, month, day, hour = "0", minute = "0", second = "0"] = match
    .slice(1)
    .map((v) => v ?? undefined);
  const n = [year, month, day, hour, minute, second].map(Number);
  if (!wallClockExists(n[0], n[1], n[2], n[3], n[4], n[5])) return null;
  const date = new Date(Date.UTC(n[0], n[1] - 1, n[2], n[3] - 8, n[4], n[5]));
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1900) return null;
  const pad = (v: number) => String(v).padStart(2, "0");
  return `${n[0]}-${pad(n[1])}-${pad(n[2])}T${pad(n[3])}:${pad(n[4])}:${pad(n[5])}+08:00`;
}

/**
 * The outline of a release pasted as text (simplified, half-width copy): title, page metadata
 * (source, byline, date), the dateline, headings and paragraphs; page furniture left out.
 */
export function outlineRelease(lines: readonly string[]): ReleaseOutline {
  const outline: ReleaseOutline = {
    titleLine: null,
    sourceName: null,
    byline: null,
    publishedAt: null,
    publishedAtHasTime: false,
    blocks: [],
  };
  let lastLine = lines.length;
  const endAt = lines.findIndex((l) => END_MARKERS.some((m) => l.trim().startsWith(m)));
  if (endAt !== -1) lastLine = endAt;

  let afterMeta = false;
  let seenParagraph = false;
  const candidates: number[] = [];
  for (let i = 0; i < lastLine; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    if (outline.titleLine === null) {
      outline.titleLine = i;
      continue;
    }
    if (!seenParagraph && isMetaLine(line)) {
      readMeta(line, outline);
      afterMeta = true;
      continue;
    }
    // Site navigation between the metadata and the text ("项目申报"): short, no sentence.
    if (afterMeta && !seenParagraph && line.length <= 8 && isHeadingLike(line)) continue;
    if (PHOTO_CREDIT.test(line)) {
      candidates.push(i);
      continue;
    }
    if (!seenParagraph) readDateline(line, outline);
    if (!isHeadingLike(line)) seenParagraph = true;
    candidates.push(i);
  }

  for (let k = 0; k < candidates.length; k++) {
    const line = lines[candidates[k]].trim();
    const next = candidates[k + 1];
    const nextIsText = next !== undefined;
    const creditStart = photoCreditStart(line);
    if (creditStart !== null) {
      outline.blocks.push({ kind: "photo", line: candidates[k], creditStart });
    } else if (isHeadingLike(line) && nextIsText) {
      const previous = outline.blocks.at(-1);
      const kind: BlockKind = previous?.kind === "heading" ? "subheading" : "heading";
      outline.blocks.push({ kind, line: candidates[k] });
    } else {
      outline.blocks.push({ kind: "paragraph", line: candidates[k] });
    }
  }
  return outline;
}

function readMeta(line: string, outline: ReleaseOutline) {
  const issuer = ISSUER_AND_DATE.exec(line);
  if (issuer && !outline.sourceName) outline.sourceName = issuer[1];
  for (const { field, pattern } of META_FIELDS) {
    const match = pattern.exec(line);
    if (!match || outline[field]) continue;
    if (field === "publishedAt") {
      outline.publishedAt = parseStatedDate(match);
      outline.publishedAtHasTime = outline.publishedAt !== null && match[4] !== undefined;
    } else outline[field] = match[1];
  }
}

function readDateline(line: string, outline: ReleaseOutline) {
  const match = DATELINE.exec(line);
  if (!match) return;
  const agency = match[1];
  if (!outline.sourceName && !/^本/.test(agency)) outline.sourceName = agency;
  if (!outline.byline) outline.byline = match[2].replace(/\s+/g, " ").trim();
}
