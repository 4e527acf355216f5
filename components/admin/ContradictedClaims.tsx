"use client";

import { useState } from "react";

export interface ContradictedClaim {
  key: string;
  label: string;
  claim: string;
  message: string;
}

/** The contradicted record claims of a refused publish, read from the error body's details. */
export function contradictedClaimsOf(details: Record<string, unknown>): ContradictedClaim[] | null {
  const claims = details.contradictedClaims;
  return Array.isArray(claims) && claims.length ? (claims as ContradictedClaim[]) : null;
}

/**
 * A publish refused because earlier editions contradict record claims: the claims, and the
 * publisher's explicit confirmation (recorded in the audit log with them) to publish anyway.
 */
export function ContradictedClaims({
  claims,
  busy,
  onConfirm,
}: {
  claims: ContradictedClaim[];
  busy?: boolean;
  onConfirm: () => void;
}) {
  const [checked, setChecked] = useState(false);
  return (
    <div className="contradicted-claims" role="alert" data-testid="contradicted-claims">
      <p>
        <strong>以下纪录说法与往届数据不符：</strong>
      </p>
      <ul className="small">
        {claims.map((c) => (
          <li key={c.key}>
            “{c.label}”{c.claim}：{c.message}
          </li>
        ))}
      </ul>
      <label className="check">
        <input type="checkbox" checked={checked} onChange={(e) => setChecked(e.target.checked)} />
        <span>我已核实，仍按原说法发布（将记入审计日志）</span>
      </label>
      <button type="button" className="button button--danger" disabled={!checked || busy} onClick={onConfirm}>
        确认并发布
      </button>
    </div>
  );
}
