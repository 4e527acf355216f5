"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { SignOffStatus } from "@/lib/releases/figure-checks";
import { callApi } from "./api-client";

/**
 * Sign-off of changed figures (editions that require it): a publisher ticks each figure whose value
 * they confirm; everyone else sees what is still waiting for a publisher.
 */
export function SignOffPanel({
  releaseId,
  version,
  signOff,
  canSignOff,
  dirty,
  onSigned,
}: {
  releaseId: string;
  version: number;
  signOff: SignOffStatus;
  canSignOff: boolean;
  dirty: boolean;
  /** After a confirmation; the page's server data is refreshed when not given. */
  onSigned?: () => void | Promise<void>;
}) {
  const router = useRouter();
  const [chosen, setChosen] = useState<string[]>([]);
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  if (!signOff.required) return null;
  const open = signOff.unconfirmed;

  async function confirm() {
    if (dirty) return setMessage("请先保存修改，再确认数据");
    const keys = chosen.filter((k) => open.some((f) => f.key === k));
    if (!keys.length) return setMessage("请勾选要确认的数据");
    setBusy(true);
    const result = await callApi(`/api/admin/releases/${releaseId}/sign-off`, "POST", {
      keys,
      baseVersion: version,
    });
    setBusy(false);
    if (!result.ok) return setMessage(result.error.message);
    setChosen([]);
    setMessage(`已确认 ${keys.length} 项数据`);
    if (onSigned) await onSigned();
    else router.refresh();
  }

  return (
    <fieldset className="panel sign-off" data-testid="sign-off">
      <legend>数据确认（本届要求发布前逐项确认）</legend>
      {open.length === 0 ? (
        <p className="small">所有数据均已由发布人确认。</p>
      ) : canSignOff ? (
        <>
          <p className="small">以下数据是新的或已改动，请逐项核对后勾选确认：</p>
          <ul className="sign-off__list">
            {open.map((f) => (
              <li key={f.key}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={chosen.includes(f.key)}
                    onChange={(e) =>
                      setChosen((c) => (e.target.checked ? [...c, f.key] : c.filter((k) => k !== f.key)))
                    }
                  />
                  <span>
                    {f.label}：<strong>{f.display}</strong>
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <div className="workflow-actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setChosen(open.map((f) => f.key))}
            >
              全选
            </button>
            <button type="button" className="button" disabled={busy} onClick={confirm}>
              确认所选数据
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="small">以下数据等待发布人确认后才能发布：</p>
          <ul className="small">
            {open.map((f) => (
              <li key={f.key}>
                {f.label}：{f.display}
              </li>
            ))}
          </ul>
        </>
      )}
      {message && (
        <p className="small" role="status">
          {message}
        </p>
      )}
    </fieldset>
  );
}
