import type { Metadata } from "next";
import { wasPublic } from "@/lib/publication/visibility";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RestoreButton } from "@/components/admin/RestoreButton";
import { RevisionDiffView } from "@/components/admin/RevisionDiffView";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { formatDateTime } from "@/lib/i18n/format-date";
import { getReleaseForEditing, getRevisionSnapshots, listRevisions } from "@/lib/releases/admin-queries";
import { diffRevisions } from "@/lib/releases/diff-revisions";

export const metadata: Metadata = { title: "历史版本" };

const ACTIONS: Record<string, string> = {
  create: "创建",
  save: "保存",
  save_overwrite: "覆盖保存",
  restore: "恢复",
  submit: "提交审核",
  return_to_draft: "退回修改",
  publish: "发布",
  schedule: "定时发布",
  unpublish: "撤回发布",
  archive: "归档",
  seed: "导入",
  propose: "提交待发布的修改",
  propose_restore: "恢复（待发布）",
  publish_changes: "发布修改",
};

export default async function HistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ a?: string; b?: string }>;
}) {
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/.test(id)) notFound();
  const user = await requireStaffPage();
  const { release } = await getReleaseForEditing(user, id).catch(() => notFound());
  const revisions = await listRevisions(user, id);
  const query = await searchParams;
  const newest = revisions[0]?.version ?? 1;
  const a = Number(query.a ?? Math.max(1, newest - 1));
  const b = Number(query.b ?? newest);
  const valid = [a, b].every((v) => Number.isInteger(v) && revisions.some((r) => r.version === v));
  const diff =
    valid && a !== b
      ? await getRevisionSnapshots(user, id, [a, b]).then(([x, y]) => diffRevisions(x.snapshot, y.snapshot))
      : null;

  return (
    <div className="admin-page">
      <p>
        <Link href={`/admin/releases/${id}`}>← 返回编辑</Link>
      </p>
      <h1>历史版本：{release.title}</h1>
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">版本</th>
            <th scope="col">操作</th>
            <th scope="col">人员</th>
            <th scope="col">时间</th>
            <th scope="col">说明</th>
            <th scope="col">
              <span className="visually-hidden">操作</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {revisions.map((r) => (
            <tr key={r.id}>
              <td>第 {r.version} 版</td>
              <td>{ACTIONS[r.action] ?? r.action}</td>
              <td>{r.author?.name ?? "系统"}</td>
              <td>{formatDateTime(r.createdAt)}</td>
              <td>{r.note ?? ""}</td>
              <td>
                {r.version !== release.version && (
                  <RestoreButton
                    releaseId={id}
                    revisionId={r.id}
                    version={r.version}
                    currentVersion={release.version}
                    needsNote={wasPublic(release)}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <form className="filter-bar" aria-label="比较版本">
        <RevisionSelect label="比较" name="a" value={a} revisions={revisions} />
        <RevisionSelect label="与" name="b" value={b} revisions={revisions} />
        <button className="button" type="submit">
          比较
        </button>
      </form>

      {!valid && <p className="form-error">所选版本不存在。</p>}
      {diff && (
        <RevisionDiffView
          diff={diff}
          title={`第 ${a} 版 → 第 ${b} 版`}
          label={`第 ${a} 版与第 ${b} 版的差别`}
        />
      )}
    </div>
  );
}

/** One side of the comparison: a choice of version. */
function RevisionSelect(props: {
  label: string;
  name: string;
  value: number;
  revisions: Array<{ id: string; version: number }>;
}) {
  return (
    <label className="field field--inline">
      <span>{props.label}</span>
      <select name={props.name} defaultValue={String(props.value)}>
        {props.revisions.map((r) => (
          <option key={r.id} value={r.version}>
            第 {r.version} 版
          </option>
        ))}
      </select>
    </label>
  );
}
