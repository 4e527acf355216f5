import Link from "next/link";
import { PENDING_LABEL, StatusBadge } from "@/components/admin/StatusBadge";
import { OutdatedTranslations, TranslationFlagBadge } from "@/components/admin/TranslationStatus";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { listOutdatedTranslations, listTranslationFlags } from "@/lib/translations/queries";
import type { ReleaseStatus } from "@/lib/generated/prisma/enums";
import { formatDateTime } from "@/lib/i18n/format-date";
import { getDashboard, listReleasesOrProblem } from "@/lib/releases/admin-queries";
import { STATUS_LABELS } from "@/lib/releases/workflow";
import { searchTextSchema } from "@/lib/search/search-query";

const STATUSES = Object.keys(STATUS_LABELS) as ReleaseStatus[];

type Item = {
  id: string;
  title: string;
  status: ReleaseStatus;
  publishAt: Date | null;
  updatedAt: Date;
  pendingRevisionId: string | null;
};

function Column({ title, items, time }: { title: string; items: Item[]; time: (i: Item) => Date | null }) {
  return (
    <section className="dash-column" aria-label={title}>
      <h2>
        {title} <small>{items.length}</small>
      </h2>
      {items.length ? (
        <ul>
          {items.map((r) => (
            <li key={r.id}>
              <Link href={r.pendingRevisionId ? `/admin/releases/${r.id}/review` : `/admin/releases/${r.id}`}>
                {r.title}
              </Link>
              {r.pendingRevisionId && <span className="status status--pending">{PENDING_LABEL}</span>}
              <span>{time(r) ? formatDateTime(time(r)!) : ""}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">暂无</p>
      )}
    </section>
  );
}

export default async function AdminDashboard({
  searchParams,
}: {
  searchParams: Promise<{ status?: string; q?: string }>;
}) {
  const user = await requireStaffPage();
  const { status: statusParam, q } = await searchParams;
  const status = STATUSES.find((s) => s === statusParam);
  const query = q?.trim() ? searchTextSchema.safeParse(q) : null;
  const refused = query && !query.success ? query.error.issues[0].message : null;
  const [dash, listed, outdated] = await Promise.all([
    getDashboard(user),
    refused ? { rows: [], problem: null } : listReleasesOrProblem(user, { status, q: query?.data }),
    listOutdatedTranslations(user),
  ]);
  const list = listed.rows;
  // A query refused, or a search that timed out or found the search connections busy: said by the box.
  const queryError = refused ?? listed.problem;
  const flags = await listTranslationFlags(
    user,
    list.map((r) => r.id),
  );
  return (
    <div className="admin-page">
      <div className="admin-title-row">
        <h1>稿件</h1>
        <Link className="button" href="/admin/releases/new">
          新建稿件
        </Link>
        <Link className="button button--secondary" href="/admin/releases/import">
          导入稿件
        </Link>
      </div>
      <div className="dash-grid">
        <Column title="草稿" items={dash.drafts} time={(r) => r.updatedAt} />
        <Column title="待审核" items={dash.inReview} time={(r) => r.updatedAt} />
        <Column title="定时发布" items={dash.scheduled} time={(r) => r.publishAt} />
        <Column title="最近发布" items={dash.published} time={(r) => r.publishAt} />
      </div>
      <OutdatedTranslations items={outdated} />

      <section aria-labelledby="all-title">
        <h2 id="all-title">全部稿件</h2>
        <form className="filter-bar" role="search">
          <label className="field field--inline">
            <span>状态</span>
            <select name="status" defaultValue={status ?? ""}>
              <option value="">全部</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          <label className="field field--inline">
            <span>搜索</span>
            <input
              name="q"
              type="search"
              defaultValue={q ?? ""}
              placeholder="标题、摘要、数据或正文"
              maxLength={100}
              aria-invalid={queryError ? true : undefined}
              aria-describedby={queryError ? "admin-search-error" : undefined}
            />
          </label>
          <button className="button" type="submit">
            筛选
          </button>
        </form>
        {queryError && (
          <p id="admin-search-error" className="field-error" role="alert">
            {queryError}
          </p>
        )}
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">标题</th>
              <th scope="col">状态</th>
              <th scope="col">分类</th>
              <th scope="col">发布时间</th>
              <th scope="col">最后修改</th>
            </tr>
          </thead>
          <tbody>
            {list.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link href={`/admin/releases/${r.id}`}>{r.title}</Link>
                  <div className="muted small">/{r.slug}</div>
                  <TranslationFlagBadge flag={flags[r.id]} />
                </td>
                <td>
                  <StatusBadge
                    status={r.status}
                    publishAt={r.publishAt}
                    pending={r.pendingRevisionId !== null}
                  />
                </td>
                <td>{r.category?.name ?? "—"}</td>
                <td>{r.publishAt ? formatDateTime(r.publishAt) : "—"}</td>
                <td>{formatDateTime(r.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {!list.length && !queryError && <p className="muted">没有符合条件的稿件。</p>}
      </section>
    </div>
  );
}
