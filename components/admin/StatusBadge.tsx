import type { ReleaseStatus } from "@/lib/generated/prisma/enums";
import { effectiveStatus, STATUS_LABELS } from "@/lib/releases/workflow";

export const PENDING_LABEL = "有待发布的修改";

export function StatusBadge({
  status,
  publishAt,
  pending = false,
}: {
  status: ReleaseStatus;
  publishAt: Date | null;
  pending?: boolean;
}) {
  const shown = effectiveStatus({ status, publishAt });
  return (
    <>
      <span className={`status status--${shown}`}>{STATUS_LABELS[shown]}</span>
      {pending && (
        <>
          {" "}
          <span className="status status--pending">{PENDING_LABEL}</span>
        </>
      )}
    </>
  );
}
