import { bodyToText } from "../content/sanitize-body";
import { formatFigure } from "../figures/format";
import { formatDateTime } from "../i18n/format-date";
import { diffBodyText, type BodyDiffDetail, type TextPart } from "./diff-body";
import type { ReleaseSnapshot } from "./snapshot";

export type { TextPart };

export interface RevisionDiff {
  fields: Array<{ label: string; before: string; after: string }>;
  body: TextPart[] | null;
  /** Characters normally; paragraphs or the whole text when the change is too large to show finer quickly. */
  bodyDetail: BodyDiffDetail | null;
  figures: Array<{
    key: string;
    label: string;
    change: "added" | "removed" | "changed";
    before: string;
    after: string;
  }>;
}

const FIELD_LABELS: Array<[keyof ReleaseSnapshot, string]> = [
  ["title", "标题"],
  ["slug", "别名"],
  ["summary", "摘要"],
  ["status", "状态"],
  ["publishAt", "发布时间"],
  ["sourceName", "来源"],
  ["sourceUrl", "来源网址"],
  ["byline", "作者"],
  ["statedPublishAt", "原文发布时间"],
  ["categoryId", "分类"],
  ["editionId", "届次"],
  ["isEditionResults", "本届成果发布"],
  ["leadImageId", "题图"],
  ["tags", "标签"],
];

const describe = (f: ReleaseSnapshot["figures"][number]) =>
  `${formatFigure(f)}${f.highlighted ? "（速览）" : ""}${f.isRecord ? `（纪录：${f.recordNote ?? ""}）` : ""}${f.section ? ` · ${f.section}` : ""}`;

// Snapshots made from rows and from input list a figure's fields in different orders: compare by field.
const sameFigure = (f: ReleaseSnapshot["figures"][number], g: ReleaseSnapshot["figures"][number]) =>
  (Object.keys(f) as Array<keyof typeof f>).every((k) => f[k] === g[k]);

/** A readable difference between two revisions: fields, the body's text, and a table of figure changes. */
export function diffRevisions(a: ReleaseSnapshot, b: ReleaseSnapshot): RevisionDiff {
  const plain = (v: unknown) => (Array.isArray(v) ? v.join("、") : v == null ? "" : String(v));
  // 原文发布时间 is read as Beijing time, as the editor shows it.
  const show = (s: ReleaseSnapshot, k: keyof ReleaseSnapshot) =>
    k === "statedPublishAt" && s.statedPublishAt ? formatDateTime(s.statedPublishAt) : plain(s[k]);
  const fields = FIELD_LABELS.filter(([k]) => show(a, k) !== show(b, k)).map(([k, label]) => ({
    label,
    before: show(a, k),
    after: show(b, k),
  }));
  const textA = bodyToText(a.body);
  const textB = bodyToText(b.body);
  const body = textA === textB ? null : diffBodyText(textA, textB);
  const before = new Map(a.figures.map((f) => [f.key, f]));
  const after = new Map(b.figures.map((f) => [f.key, f]));
  const figures: RevisionDiff["figures"] = [];
  for (const [key, f] of before) {
    const g = after.get(key);
    if (!g) figures.push({ key, label: f.label, change: "removed", before: describe(f), after: "" });
    else if (!sameFigure(f, g))
      figures.push({ key, label: g.label, change: "changed", before: describe(f), after: describe(g) });
  }
  for (const [key, g] of after)
    if (!before.has(key))
      figures.push({ key, label: g.label, change: "added", before: "", after: describe(g) });
  return { fields, body: body?.parts ?? null, bodyDetail: body?.detail ?? null, figures };
}
