import type { ReleaseForm } from "./editor-form";

// A save conflict is settled field by field, against the version both editors started from (the
// base): a field only the other person changed takes their value, one only I changed keeps mine, and
// one we both changed keeps mine unless I choose theirs. Pure, so the rule is tested without a browser.

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

// A figure's declaredUnit is the form's note of how a unit was typed, not saved: no change.
const comparable = (value: unknown) =>
  Array.isArray(value)
    ? value.map((item) =>
        typeof item === "object" && item !== null && "declaredUnit" in item
          ? { ...item, declaredUnit: false }
          : item,
      )
    : value;
const same = (a: unknown, b: unknown) => JSON.stringify(comparable(a)) === JSON.stringify(comparable(b));

/** Who changed a field since the base: me, the other person, or both of us (differently). */
export type ChangedBy = "mine" | "theirs" | "both";

/** The offered fields on which the two versions differ, with who changed each since the base. */
export function differingFields(mine: ReleaseForm, theirs: ReleaseForm, base: ReleaseForm) {
  return MERGE_FIELDS.filter((f) => !same(mine[f.key], theirs[f.key])).map((f) => ({
    ...f,
    changedBy: (same(mine[f.key], base[f.key])
      ? "theirs"
      : same(theirs[f.key], base[f.key])
        ? "mine"
        : "both") satisfies ChangedBy as ChangedBy,
  }));
}

/** What a field keeps unless the editor picks otherwise: the side that changed it; mine if both did. */
export const defaultChoice = (changedBy: ChangedBy): FieldChoice =>
  changedBy === "theirs" ? "theirs" : "mine";

/** My form, with their value wherever they alone changed a field or I chose theirs. */
export function mergeConflict(
  mine: ReleaseForm,
  theirs: ReleaseForm,
  base: ReleaseForm,
  choices: FieldChoices,
): ReleaseForm {
  const merged: ReleaseForm = { ...mine };
  for (const { key, changedBy } of differingFields(mine, theirs, base))
    if ((choices[key] ?? defaultChoice(changedBy)) === "theirs")
      Object.assign(merged, { [key]: theirs[key] });
  return merged;
}
