import type { CheckLevel, ClaimResult, ClaimState, ConsistencyResult } from "@/lib/figures/checks/types";

const CLAIM_BADGES: Record<ClaimState, string> = {
  checked: "已核实",
  contradicted: "与往届不符",
  uncheckable: "无法核对",
};
const LEVEL_BADGES: Record<CheckLevel, string> = { error: "有误", warning: "注意", info: "提示", ok: "相符" };
const LEVEL_ORDER: CheckLevel[] = ["error", "warning", "info", "ok"];

/**
 * The checks of a release's figures, shown next to them: record claims against earlier editions,
 * then parts, sums, shares and the body's numbers, worst first. Each state is written out, not
 * only coloured.
 */
export function FigureChecks({
  claims,
  consistency,
  note,
}: {
  claims: ClaimResult[];
  consistency: ConsistencyResult[];
  /** Why the results may be behind the screen (unsaved changes, a failed refresh). */
  note?: string;
}) {
  const count = (state: ClaimState) => claims.filter((c) => c.state === state).length;
  const problems = consistency.filter((c) => c.level === "error" || c.level === "warning").length;
  const sorted = [...consistency].sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level));
  return (
    <section className="figure-checks" aria-labelledby="figure-checks-title" data-testid="figure-checks">
      <h2 id="figure-checks-title">数据核对</h2>
      <p className="small">
        {claims.length
          ? `纪录说法 ${claims.length} 项：已核实 ${count("checked")}，与往届不符 ${count("contradicted")}，无法核对 ${count("uncheckable")}；`
          : "没有标为纪录的数据；"}
        一致性问题 {problems} 处。
      </p>
      {note && <p className="muted small">{note}</p>}
      {claims.length > 0 && (
        <>
          <h3>纪录说法（与往届已公开数据比较）</h3>
          <ul className="check-list">
            {claims.map((c) => (
              <li key={c.key} className={`check-item check-item--${c.state}`}>
                <span className="check-badge">{CLAIM_BADGES[c.state]}</span>
                <span>
                  <strong>{c.label}</strong>（{c.claim}）：{c.message}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>一致性</h3>
      {sorted.length === 0 ? (
        <p className="muted small">没有可核对的部分、合计或占比，正文中的数字均已对应数据。</p>
      ) : (
        <ul className="check-list">
          {sorted.map((c, i) => (
            <li key={`${c.rule}-${c.keys.join(",")}-${i}`} className={`check-item check-item--${c.level}`}>
              <span className="check-badge">{LEVEL_BADGES[c.level]}</span>
              <span>{c.message}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
