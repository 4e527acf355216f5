import type { ReleaseForm } from "./editor-form";

// A save conflict is settled field by field: the editor keeps their own value of each field unless
// they choose the other person's. Pure, so the rule is tested without a browser.

export type FieldChoice = "mine" | "theirs";
export type FieldChoices = Partial<Record<keyof ReleaseForm, FieldChoice>>;

/** The fields offered for a choice, in the order the conflict screen lists them. */
export const MERGE_FIELDS: ReadonlyArray<{ key: keyof ReleaseForm; label: string }> = [
  { key: "title", label: "标题" },
  { key: "slug", label: "别名" },
  { key: "summary", label: "摘要" },
  { key: "body", label: "正文" },
  { key: "figures", label: "数据" },
  { key: "tags", label: "标签" },
  { key: "categoryId", label: "分类" },
  { key: "editionId", label: "届次" },
  { key: "isEditionResults", label: "本届成果发布稿" },
  { key: "leadImageId", label: "题图" },
  { key: "sourceName", label: "来源" },
  { key: "sourceUrl", label: "来源网址" },
  { key: "byline", label: "作者" },
  { key: "statedPublishAt", label: "原文发布时间" },
];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The offered fields on which the two versions differ. */
export function differingFields(mine: ReleaseForm, theirs: ReleaseForm) {
  return MERGE_FIELDS.filter((f) => !same(mine[f.key], theirs[f.key]));
}

/** My form with their value wherever I chose theirs; every other field (offered or not) stays mine. */
export function mergeConflict(mine: ReleaseForm, theirs: ReleaseForm, choices: FieldChoices): ReleaseForm {
  const merged: ReleaseForm = { ...mine };
  for (const { key } of MERGE_FIELDS)
    if (choices[key] === "theirs") Object.assign(merged, { [key]: theirs[key] });
  return merged;
}
