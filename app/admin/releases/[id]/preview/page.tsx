import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PreviewBanner } from "@/components/release/PreviewBanner";
import { ReleaseArticle } from "@/components/release/ReleaseArticle";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { getConfig } from "@/lib/config";
import { getReleasePreview } from "@/lib/releases/preview";
import { STATUS_LABELS } from "@/lib/releases/workflow";

export const metadata: Metadata = { title: "预览", robots: { index: false } };

export default async function StaffPreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/.test(id)) notFound();
  const { release, status } = await getReleasePreview(await requireStaffPage(), id).catch(() => notFound());
  return (
    <div className="page release-page">
      <PreviewBanner
        text={`这是“${STATUS_LABELS[status]}”稿件的预览，与发布后的公开页面一致；读者现在看不到它。`}
      />
      <ReleaseArticle release={release} siteUrl={getConfig().siteUrl} preview />
    </div>
  );
}
