import type { Metadata } from "next";
import { MediaUpload } from "@/components/admin/MediaUpload";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { listMedia } from "@/lib/media/upload-media";

export const metadata: Metadata = { title: "媒体库" };

export default async function MediaPage() {
  const media = await listMedia(await requireStaffPage());
  return (
    <div className="admin-page">
      <h1>媒体库</h1>
      <MediaUpload />
      <ul className="media-grid">
        {media.map((m) => (
          <li key={m.id}>
            {/* eslint-disable-next-line @next/next/no-img-element -- our own media route */}
            <img
              src={`/media/${m.id}`}
              alt={m.alt}
              width={m.width ?? undefined}
              height={m.height ?? undefined}
              loading="lazy"
            />
            <span>
              {m.caption ?? m.alt}
              {m.credit && ` · ${m.credit}`}
            </span>
            <span className="muted small">
              {m.width}×{m.height} · {Math.round((m.sizeBytes ?? 0) / 1024)} KB
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
