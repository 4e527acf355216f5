import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PreviewBanner } from "@/components/release/PreviewBanner";
import { ReleaseArticle } from "@/components/release/ReleaseArticle";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { getConfig } from "@/lib/config";
import { getReleasePreview } from "@/lib/releases/preview";
import { STATUS_LABELS } from "@/lib/releases/workflow";

export const metadata: Metadata = { title: "预览", robots: { index: false } };

export default async function StaffPreviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ version?: string }>;
}) {
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/.test(id)) notFound();
  const live = (await searchParams).version === "live";
  const preview = await getReleasePreview(await requireStaffPage(), id, { live }).catch(() => notFound());
  const { release, status } = preview;
  return (
    <div className="page release-page">
      <PreviewBanner
        text={
          preview.showsPendingChanges
            ? "这是待发布修改的预览：发布人发布后，公开页面将是这样；读者现在看到的仍是当前版本。"
            : preview.hasPendingChanges
              ? "这是读者现在看到的版本；这篇稿件另有待发布的修改。"
              : `这是“${STATUS_LABELS[status]}”稿件的预览，与发布后的公开页面一致；读者现在看不到它。`
        }
      />
      {preview.hasPendingChanges && (
        <p className="preview-switch">
          {preview.showsPendingChanges ? (
            <a href={`/admin/releases/${id}/preview?version=live`}>查看读者现在看到的版本</a>
          ) : (
            <a href={`/admin/releases/${id}/preview`}>查看待发布的修改</a>
          )}
        </p>
      )}
      <ReleaseArticle release={release} siteUrl={getConfig().siteUrl} preview />
    </div>
  );
}
