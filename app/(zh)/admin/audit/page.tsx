import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { listAuditLog } from "@/lib/audit/queries";
import { formatDateTime } from "@/lib/i18n/format-date";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "审计日志" };

const ACTION_GROUPS = [
  ["", "全部"],
  ["auth.", "登录与退出"],
  ["release.", "稿件"],
  ["user.", "用户"],
  ["media.", "媒体"],
  ["preview_link.", "预览链接"],
];

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<{ action?: string; actor?: string }>;
}) {
  const user = await requireStaffPage();
  if (!can(user, "audit.view"))
    return (
      <p className="form-error" role="alert">
        只有管理员可以查看审计日志。
      </p>
    );
  const { action, actor } = await searchParams;
  const entries = await listAuditLog(user, {
    action: action || undefined,
    actor: actor?.trim() || undefined,
  });
  return (
    <div className="admin-page">
      <h1>审计日志</h1>
      <form className="filter-bar" role="search">
        <label className="field field--inline">
          <span>类别</span>
          <select name="action" defaultValue={action ?? ""}>
            {ACTION_GROUPS.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label className="field field--inline">
          <span>人员</span>
          <input name="actor" defaultValue={actor ?? ""} placeholder="邮箱" />
        </label>
        <button className="button" type="submit">
          筛选
        </button>
      </form>
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">时间</th>
            <th scope="col">人员</th>
            <th scope="col">操作</th>
            <th scope="col">对象</th>
            <th scope="col">详情</th>
            <th scope="col">IP</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id.toString()}>
              <td>{formatDateTime(e.createdAt)}</td>
              <td>{e.actorEmail ?? "—"}</td>
              <td>
                <code>{e.action}</code>
              </td>
              <td className="small">{e.targetType ? `${e.targetType} ${e.targetId ?? ""}` : "—"}</td>
              <td className="small">
                <code>{e.details ? JSON.stringify(e.details) : ""}</code>
              </td>
              <td className="small">{e.ip ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
