import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PreviewBanner } from "@/components/release/PreviewBanner";
import { ReleaseArticle } from "@/components/release/ReleaseArticle";
import { getConfig } from "@/lib/config";
import { formatDateTime } from "@/lib/i18n/format-date";
import { resolvePreviewLink } from "@/lib/releases/preview";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "审阅预览",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

/** A reviewer's view of an unpublished release, through a link that expires and can be revoked. */
export default async function ReviewerPreviewPage({ params }: { params: Promise<{ token: string }> }) {
  const found = await resolvePreviewLink((await params).token);
  if (!found) notFound();
  return (
    <main id="main" className="site-main">
      <div className="page release-page">
        <PreviewBanner
          text={`审阅预览，尚未公开发布。链接有效至 ${formatDateTime(found.expiresAt)}（北京时间）。`}
        />
        <ReleaseArticle release={found.release} siteUrl={getConfig().siteUrl} preview />
      </div>
    </main>
  );
}
