import type { Metadata } from "next";
import { EventAdmin } from "@/components/admin/EventAdmin";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { listEventsForAdmin } from "@/lib/editions/admin-queries";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "活动与届次" };

export default async function EventsPage() {
  const user = await requireStaffPage("/admin/events");
  if (!can(user, "edition.manage"))
    return (
      <p className="form-error" role="alert">
        只有发布人和管理员可以管理活动与届次。
      </p>
    );
  const events = await listEventsForAdmin(user);
  return (
    <div className="admin-page">
      <h1>活动与届次</h1>
      <p className="muted">
        稿件在编辑器的“稿件信息”里选择所属届次，并可标为该届的成果发布稿；有公开稿件的届次出现在公开的“历届”页面。
      </p>
      <EventAdmin events={events} />
    </div>
  );
}
