"use client";

import { useState } from "react";
import { callApi } from "./api-client";

export function RestoreButton({
  releaseId,
  revisionId,
  version,
  currentVersion,
  needsNote,
}: {
  releaseId: string;
  revisionId: string;
  version: number;
  currentVersion: number;
  needsNote: boolean;
}) {
  const [message, setMessage] = useState("");
  async function restore() {
    if (!window.confirm(`把稿件恢复到第 ${version} 版？当前内容会保留在历史中。`)) return;
    const note = needsNote
      ? window.prompt("已发布的稿件需要更新说明（公开显示）：", `恢复到第 ${version} 版`)
      : null;
    if (needsNote && note === null) return;
    const result = await callApi(`/api/admin/releases/${releaseId}/restore`, "POST", {
      revisionId,
      baseVersion: currentVersion,
      ...(needsNote ? { changeNote: { minor: false, kind: "update", note: note ?? "" } } : {}),
    });
    if (result.ok) window.location.reload();
    else setMessage(result.error.message);
  }
  return (
    <>
      <button type="button" className="link-button" onClick={restore}>
        恢复此版本
      </button>
      {message && (
        <span className="form-error" role="alert">
          {message}
        </span>
      )}
    </>
  );
}
