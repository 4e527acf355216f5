"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "./api-client";
import { ContradictedClaims, contradictedClaimsOf, type ContradictedClaim } from "./ContradictedClaims";
import { ChangeNoteFields, type ChangeNoteValue } from "./ChangeNoteFields";

/** A publisher's decision on pending changes: publish them with the public note, or send them back with a reason. */
export function PendingDecision({
  releaseId,
  version,
  proposedNote,
  needsNote,
}: {
  releaseId: string;
  version: number;
  proposedNote: string | null;
  needsNote: boolean;
}) {
  const [changeNote, setChangeNote] = useState<ChangeNoteValue>({
    minor: false,
    kind: "update",
    note: proposedNote ?? "",
  });
  const [returnNote, setReturnNote] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  const [contradicted, setContradicted] = useState<ContradictedClaim[] | null>(null);
  const router = useRouter();

  async function decide(body: Record<string, unknown>) {
    setBusy(true);
    const result = await callApi<{ version: number }>(`/api/admin/releases/${releaseId}/pending`, "POST", {
      baseVersion: version,
      ...body,
    });
    setBusy(false);
    if (result.ok) return router.push(`/admin/releases/${releaseId}`);
    const claims = contradictedClaimsOf(result.error.details);
    setContradicted(claims);
    setErrors(result.error.fields);
    setMessage(claims ? "" : result.error.message);
  }

  return (
    <div className="pending-decision">
      <fieldset className="panel">
        <legend>发布这些修改</legend>
        {needsNote && (
          <ChangeNoteFields
            value={changeNote}
            onChange={setChangeNote}
            error={errors["changeNote.note"]}
            noteLabel="更正/更新说明（公开显示）"
          />
        )}
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => decide({ decision: "publish", changeNote })}
        >
          发布这些修改
        </button>
        {contradicted && (
          <ContradictedClaims
            claims={contradicted}
            busy={busy}
            onConfirm={() => decide({ decision: "publish", changeNote, confirmContradictedClaims: true })}
          />
        )}
      </fieldset>
      <fieldset className="panel">
        <legend>退回修改</legend>
        <label className={errors.note ? "field field--error" : "field"}>
          <span>退回原因（编辑可见）</span>
          <textarea
            name="returnNote"
            rows={2}
            value={returnNote}
            onChange={(e) => setReturnNote(e.target.value)}
          />
          {errors.note && <em className="field-error">{errors.note}</em>}
        </label>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={() => decide({ decision: "return", note: returnNote })}
        >
          退回
        </button>
      </fieldset>
      {message && (
        <p className="form-error" role="alert">
          {message}
        </p>
      )}
    </div>
  );
}
