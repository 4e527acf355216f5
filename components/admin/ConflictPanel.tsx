"use client";

import type { ReleaseForm } from "@/lib/releases/editor-form";
import {
  defaultChoice,
  differingFields,
  type ChangedBy,
  type FieldChoice,
  type FieldChoices,
} from "@/lib/releases/merge-conflict";

const CHANGED_BY: Record<ChangedBy, string> = {
  mine: "只有您改了",
  theirs: "只有对方改了",
  both: "双方都改了",
};

const show = (v: unknown) =>
  typeof v === "string" ? v.replace(/<[^>]+>/g, " ").slice(0, 400) : JSON.stringify(v).slice(0, 400);

interface Props {
  mine: ReleaseForm;
  theirs: ReleaseForm;
  /** The version both started from: who changed what is measured against it. */
  base: ReleaseForm;
  theirVersion: number;
  updatedBy: string | null;
  /** A restored offer made against this older version, rather than a refused save. */
  recoveredFrom?: number;
  choices: FieldChoices;
  onChoose: (field: keyof ReleaseForm, choice: FieldChoice) => void;
  onMerge: () => void;
  onOverwrite: () => void;
  onDiscard: () => void;
}

/** Shown when someone saved in between: your text is kept; pick per field, or overwrite knowingly. */
export function ConflictPanel({
  mine,
  theirs,
  base,
  theirVersion,
  updatedBy,
  recoveredFrom,
  choices,
  onChoose,
  onMerge,
  onOverwrite,
  onDiscard,
}: Props) {
  const differing = differingFields(mine, theirs, base);
  const chosen = (key: keyof ReleaseForm, changedBy: ChangedBy) => choices[key] ?? defaultChoice(changedBy);
  return (
    <section
      className="conflict"
      role="alertdialog"
      aria-labelledby="conflict-title"
      aria-describedby="conflict-text"
    >
      <h2 id="conflict-title">{recoveredFrom === undefined ? "保存冲突" : "合并恢复的修改"}</h2>
      <p id="conflict-text">
        {recoveredFrom === undefined ? (
          <>
            您编辑期间，{updatedBy ?? "其他人"}已保存了第 {theirVersion} 版。您的修改<strong>没有丢失</strong>
            ，仍在下面。
          </>
        ) : (
          <>
            恢复的修改是在第 {recoveredFrom} 版上做的，此后已保存到第 {theirVersion} 版。两边的内容都
            <strong>没有丢失</strong>，“对方”指之后的保存。
          </>
        )}
        只有一方改过的字段已选好那一方的修改；双方都改过的字段请选择保留哪一方，然后合并保存；或确认后用您的版本覆盖。
      </p>
      <table className="conflict-table">
        <thead>
          <tr>
            <th scope="col">字段</th>
            <th scope="col">您的版本</th>
            <th scope="col">对方的版本（第 {theirVersion} 版）</th>
          </tr>
        </thead>
        <tbody>
          {differing.map((f) => (
            <tr key={f.key}>
              <th scope="row">
                {f.label}
                <div className="muted small" data-testid={`changed-by-${f.key}`}>
                  {CHANGED_BY[f.changedBy]}
                </div>
              </th>
              <td>
                <label className="check">
                  <input
                    type="radio"
                    name={`pick-${f.key}`}
                    checked={chosen(f.key, f.changedBy) === "mine"}
                    onChange={() => onChoose(f.key, "mine")}
                  />
                  保留我的
                </label>
                <div className="conflict-value" data-testid={`mine-${f.key}`}>
                  {show(mine[f.key])}
                </div>
              </td>
              <td>
                <label className="check">
                  <input
                    type="radio"
                    name={`pick-${f.key}`}
                    checked={chosen(f.key, f.changedBy) === "theirs"}
                    onChange={() => onChoose(f.key, "theirs")}
                  />
                  采用对方的
                </label>
                <div className="conflict-value">{show(theirs[f.key])}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="conflict-actions">
        <button type="button" className="button" onClick={onMerge}>
          按所选合并并保存
        </button>
        <button
          type="button"
          className="button button--danger"
          onClick={() =>
            window.confirm(`确定用您的版本覆盖第 ${theirVersion} 版吗？对方的修改仍可在历史版本中找回。`) &&
            onOverwrite()
          }
        >
          用我的版本覆盖
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => window.confirm("放弃您的修改并载入最新版本？") && onDiscard()}
        >
          放弃我的修改
        </button>
      </div>
    </section>
  );
}
