import type { ReleaseStatus } from "@/lib/generated/prisma/enums";
import { effectiveStatus, STATUS_LABELS } from "@/lib/releases/workflow";

export function StatusBadge({ status, publishAt }: { status: ReleaseStatus; publishAt: Date | null }) {
  const shown = effectiveStatus({ status, publishAt });
  return <span className={`status status--${shown}`}>{STATUS_LABELS[shown]}</span>;
}
