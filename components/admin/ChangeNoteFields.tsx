export interface ChangeNoteValue {
  minor: boolean;
  kind: "update" | "correction";
  note: string;
}

/** The public 更正/更新说明 of a published release: minor, or its kind and text. The editor and the review share it. */
export function ChangeNoteFields({
  value,
  onChange,
  error,
  noteLabel,
}: {
  value: ChangeNoteValue;
  onChange: (v: ChangeNoteValue) => void;
  error?: string;
  noteLabel: string;
}) {
  return (
    <>
      <label className="check">
        <input
          type="checkbox"
          checked={value.minor}
          onChange={(e) => onChange({ ...value, minor: e.target.checked })}
        />
        小修改（错别字等，不显示说明）
      </label>
      {!value.minor && (
        <>
          <label className="field">
            <span>类型</span>
            <select
              value={value.kind}
              onChange={(e) =>
                onChange({ ...value, kind: e.target.value === "correction" ? "correction" : "update" })
              }
            >
              <option value="update">更新</option>
              <option value="correction">更正</option>
            </select>
          </label>
          <label className={error ? "field field--error" : "field"}>
            <span>{noteLabel}</span>
            <textarea
              name="changeNote"
              rows={3}
              value={value.note}
              onChange={(e) => onChange({ ...value, note: e.target.value })}
            />
            {error && <em className="field-error">{error}</em>}
          </label>
        </>
      )}
    </>
  );
}
