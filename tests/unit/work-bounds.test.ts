import { describe, expect, it } from "vitest";
import { markFigures } from "@/lib/content/mark-figures";
import { bodyToText } from "@/lib/content/sanitize-body";
import { diffBodyText, type TextPart } from "@/lib/releases/diff-body";
import { diffRevisions } from "@/lib/releases/diff-revisions";
import {
  BODY_LIMIT,
  cjkText,
  hugeParagraph,
  markable,
  mentionInEveryTag,
  mentionsInsideTags,
  overlappingMentions,
  snapshotWithBody,
  tinyParagraphs,
} from "../fixtures/hostile-bodies";

// Behaviour on the most hostile bodies the limits allow; how long they take is measured by
// scripts/bench-work-bounds.ts (npm run bench), not asserted here.

const unmark = (html: string) => html.replace(/<data [^>]*>|<\/data>/g, "");
const marks = (html: string) =>
  [...html.matchAll(/<data [^>]*data-key="([^"]+)"[^>]*>([^<]*)<\/data>/g)].map((m) => ({
    key: m[1],
    text: m[2],
  }));
const oldSide = (parts: TextPart[]) =>
  parts
    .filter((p) => p.change !== "added")
    .map((p) => p.value)
    .join("");
const newSide = (parts: TextPart[]) =>
  parts
    .filter((p) => p.change !== "removed")
    .map((p) => p.value)
    .join("");

describe("figure marking on maximal bodies", () => {
  it("marks all 300 figures of a legitimate 400,000-character body, each in its own sentence", () => {
    const sentences = Array.from({ length: 300 }, (_, i) => `<p>第${i}项指标达到${i}个，同比增长。</p>`);
    const filler = `<p>${cjkText(Math.floor((BODY_LIMIT - sentences.join("").length) / 300) - 7, 7)}</p>`;
    const html = sentences.map((s) => filler + s).join("");
    expect(html.length).toBeLessThanOrEqual(BODY_LIMIT);
    const figures = Array.from({ length: 300 }, (_, i) => markable(i, `${i}个`, `第${i}项指标达到${i}个`));
    const out = markFigures(html, figures);
    expect(unmark(out)).toBe(html);
    expect(marks(out)).toEqual(figures.map((f, i) => ({ key: f.key, text: `${i}个` })));
    expect(out).toContain(
      '第1项指标达到<data class="fig" value="1" data-key="f1" title="指标1：1个">1个</data>',
    );
  });

  it("marks every figure of an ordinary body even when the figures are listed out of the text's order", () => {
    const html = Array.from(
      { length: 300 },
      (_, i) => `<p>${cjkText(40, i)}第${i}项指标达到${i}个。</p>`,
    ).join("");
    const figures = Array.from({ length: 300 }, (_, i) =>
      markable(i, `${i}个`, `第${i}项指标达到${i}个`),
    ).reverse();
    expect(marks(markFigures(html, figures))).toHaveLength(300);
  });

  it("never marks inside a 400,000-character tag, and marks the one mention in the text", () => {
    const { html, figures } = mentionsInsideTags();
    const out = markFigures(html, figures);
    expect(unmark(out)).toBe(html);
    expect(marks(out)).toEqual([{ key: "f1", text: "1" }]);
    expect(out).toContain(
      '">链接</a>共<data class="fig" value="1" data-key="f1" title="指标1：1">1</data>个</p>',
    );
  });

  it("leaves a body untouched when every occurrence of every mention is inside a tag", () => {
    const { html, figures } = mentionInEveryTag();
    expect(markFigures(html, figures)).toBe(html);
  });

  it("marks overlapping mentions of 300 figures without overlaps, each where its words are", () => {
    const { html, figures } = overlappingMentions();
    const out = markFigures(html, figures);
    expect(unmark(out)).toBe(html);
    const found = marks(out);
    expect(found.length).toBeGreaterThan(100);
    const byKey = new Map(figures.map((f) => [f.key, f]));
    for (const m of found) expect(m.text).toBe(byKey.get(m.key)!.mention);
    expect(new Set(found.map((m) => m.key)).size).toBe(found.length);
  });

  it("degrades as designed when a body is built to exhaust the search budget: later figures stay plain text", () => {
    // Text whose characters share their low byte with "p", the slowest case for the string search.
    const html = `<p>${"数".repeat(BODY_LIMIT - 8)}p</p>`;
    const present = markable(299, "数p");
    const absent = Array.from({ length: 299 }, (_, i) => markable(i, `p${i}`));
    expect(markFigures(html, [...absent, present])).toBe(html);
    // The same figure alone is found: only the budget stopped it.
    expect(marks(markFigures(html, [present]))).toEqual([{ key: "f299", text: "数p" }]);
  });
});

describe("revision diffs on maximal bodies", () => {
  it("two bodies of 40,000 short paragraphs with nothing in common: shown as the whole text replaced", () => {
    const a = bodyToText(tinyParagraphs(1));
    const b = bodyToText(tinyParagraphs(2));
    const diff = diffBodyText(a, b);
    expect(diff.detail).toBe("whole");
    expect(diff.parts).toEqual([
      { value: a, change: "removed" },
      { value: b, change: "added" },
    ]);
  });

  it("one 400,000-character paragraph rewritten: shown paragraph by paragraph", () => {
    const diff = diffRevisions(snapshotWithBody(hugeParagraph(1)), snapshotWithBody(hugeParagraph(2)));
    expect(diff.bodyDetail).toBe("paragraphs");
    expect(diff.body).toEqual([
      { value: bodyToText(hugeParagraph(1)), change: "removed" },
      { value: bodyToText(hugeParagraph(2)), change: "added" },
    ]);
  });

  it("one character changed in a 400,000-character paragraph: still shown character by character", () => {
    const before = hugeParagraph(1);
    const after = `${before.slice(0, 200_000)}改${before.slice(200_001)}`;
    const diff = diffRevisions(snapshotWithBody(before), snapshotWithBody(after));
    expect(diff.bodyDetail).toBe("characters");
    expect(diff.body!.map((p) => p.change)).toEqual(["same", "removed", "added", "same"]);
    expect(diff.body![2].value).toBe("改");
  });

  it("a few paragraphs edited in a maximal body of 40,000: character detail, and both versions rebuild exactly", () => {
    const body = tinyParagraphs(3);
    const count = body.split("<p>").length - 1;
    let index = 0;
    const edited = body.replace(/<p>/g, (tag) =>
      [1, 20_000, count - 1].includes(index++) ? "<p>新增" : tag,
    );
    const a = bodyToText(body);
    const b = bodyToText(edited);
    const diff = diffBodyText(a, b);
    expect(diff.detail).toBe("characters");
    expect(oldSide(diff.parts)).toBe(a);
    expect(newSide(diff.parts)).toBe(b);
    expect(diff.parts.filter((p) => p.change === "added").map((p) => p.value)).toEqual([
      "新增",
      "新增",
      "新增",
    ]);
    expect(diff.parts.filter((p) => p.change === "removed")).toEqual([]);
  });
});
