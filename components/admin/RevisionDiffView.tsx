import type { RevisionDiff } from "@/lib/releases/diff-revisions";

const FIGURE_CHANGES = { added: "新增", removed: "删除", changed: "修改" } as const;

/** A readable difference between two versions: fields, body text, and the table of figure changes. */
export function RevisionDiffView({
  diff,
  title,
  label,
}: {
  diff: RevisionDiff;
  title: string;
  label: string;
}) {
  return (
    <section className="diff" aria-label={label}>
      <h2>{title}</h2>
      {!diff.fields.length && !diff.body && !diff.figures.length && (
        <p className="muted">两个版本内容相同（仅状态或时间不同）。</p>
      )}
      {diff.fields.length > 0 && (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">字段</th>
              <th scope="col">之前</th>
              <th scope="col">之后</th>
            </tr>
          </thead>
          <tbody>
            {diff.fields.map((f) => (
              <tr key={f.label}>
                <th scope="row">{f.label}</th>
                <td>
                  <del>{f.before}</del>
                </td>
                <td>
                  <ins>{f.after}</ins>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {diff.body && (
        <div className="diff-body">
          <h3>正文</h3>
          <p>
            {diff.body.map((p, i) =>
              p.change === "added" ? (
                <ins key={i}>{p.value}</ins>
              ) : p.change === "removed" ? (
                <del key={i}>{p.value}</del>
              ) : (
                <span key={i}>{p.value}</span>
              ),
            )}
          </p>
        </div>
      )}
      {diff.figures.length > 0 && (
        <table className="admin-table" data-testid="figure-changes">
          <caption>数据变化</caption>
          <thead>
            <tr>
              <th scope="col">数据</th>
              <th scope="col">变化</th>
              <th scope="col">之前</th>
              <th scope="col">之后</th>
            </tr>
          </thead>
          <tbody>
            {diff.figures.map((f) => (
              <tr key={f.key}>
                <th scope="row">
                  {f.label} <span className="muted small">{f.key}</span>
                </th>
                <td>{FIGURE_CHANGES[f.change]}</td>
                <td>
                  <del>{f.before}</del>
                </td>
                <td>
                  <ins>{f.after}</ins>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
