import type { ReleaseStatus } from "../generated/prisma/enums";
import type { Permission } from "../permissions";
import { isPublic } from "../publication/visibility";

export type WorkflowAction = "submit" | "return_to_draft" | "publish" | "schedule" | "unpublish" | "archive";

interface Transition {
  from: ReleaseStatus[];
  to: ReleaseStatus;
  permission: Permission;
  label: string;
}

/** draft → in review → published (or scheduled); unpublish and archive. The one table of moves. */
export const TRANSITIONS: Record<WorkflowAction, Transition> = {
  submit: { from: ["draft"], to: "in_review", permission: "release.submit", label: "提交审核" },
  return_to_draft: { from: ["in_review"], to: "draft", permission: "release.publish", label: "退回修改" },
  publish: {
    from: ["draft", "in_review", "scheduled"],
    to: "published",
    permission: "release.publish",
    label: "立即发布",
  },
  schedule: {
    from: ["draft", "in_review", "scheduled"],
    to: "scheduled",
    permission: "release.publish",
    label: "定时发布",
  },
  unpublish: {
    from: ["published", "scheduled"],
    to: "draft",
    permission: "release.unpublish",
    label: "撤回发布",
  },
  archive: {
    from: ["draft", "in_review", "scheduled", "published"],
    to: "archived",
    permission: "release.archive",
    label: "归档",
  },
};

export const STATUS_LABELS: Record<ReleaseStatus, string> = {
  draft: "草稿",
  in_review: "待审核",
  scheduled: "定时发布",
  published: "已发布",
  archived: "已归档",
};

/** What readers see, decided by the clock: a scheduled release whose time has come is live. */
export function effectiveStatus(
  release: { status: ReleaseStatus; publishAt: Date | null },
  now = new Date(),
): ReleaseStatus {
  if (release.status === "scheduled" && isPublic(release, now)) return "published";
  return release.status;
}
