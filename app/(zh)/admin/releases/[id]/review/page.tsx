import type { Metadata } from "next";
import { wasPublic } from "@/lib/publication/visibility";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FigureChecks } from "@/components/admin/FigureChecks";
import { PendingDecision } from "@/components/admin/PendingDecision";
import { RevisionDiffView } from "@/components/admin/RevisionDiffView";
import { SignOffPanel } from "@/components/admin/SignOffPanel";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/i18n/format-date";
import { can } from "@/lib/permissions";
import { getPendingReview } from "@/lib/publication/pending-changes";
import { getReleaseChecks } from "@/lib/releases/figure-checks";

export const metadata: Metadata = { title: "审核待发布的修改" };

export default async function ReviewPendingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/.test(id)) notFound();
  const user = await requireStaffPage(`/admin/releases/${id}/review`);
  const { release, pending } = await getPendingReview(user, id).catch((e: unknown) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
  // The checks of what is being edited: the pending changes shown here.
  const checks = await getReleaseChecks(user, id);
  return (
    <div className="admin-page">
      <p>
        <Link href={`/admin/releases/${id}`}>← 返回编辑</Link>
      </p>
      <h1>待发布的修改：{release.title}</h1>
      {!pending ? (
        <p className="muted">这篇稿件没有待发布的修改。</p>
      ) : (
        <>
          <p>
            {pending.author ?? "编辑"} 于 {formatDateTime(pending.savedAt)} 保存（第 {pending.version}{" "}
            版）。读者目前仍看到已发布的版本。
            {pending.proposedNote && (
              <>
                <br />
                编辑建议的说明：{pending.proposedNote}
              </>
            )}
            {pending.returnedNote && (
              <>
                <br />
                <strong>已退回：</strong>
                {pending.returnedNote}
              </>
            )}
          </p>
          <RevisionDiffView
            diff={pending.diff}
            title="已发布版本 → 待发布的修改"
            label="已发布版本与待发布修改的差别"
          />
          <SignOffPanel
            releaseId={id}
            version={release.version}
            signOff={checks.signOff}
            canSignOff={can(user, "figure.sign_off")}
            dirty={false}
          />
          <FigureChecks claims={checks.claims} consistency={checks.consistency} />
          {can(user, "release.publish") ? (
            <PendingDecision
              releaseId={id}
              version={release.version}
              proposedNote={pending.proposedNote}
              needsNote={wasPublic(release)}
            />
          ) : (
            <p className="muted">发布人审核后，这些修改才会公开。</p>
          )}
        </>
      )}
    </div>
  );
}
