import { z } from "zod";
import { db } from "../db";
import { requirePermission, type Actor } from "../auth/actor";
import { AppError } from "../errors";
import { announcePublicChange } from "../publication/public-change";
import { snapshotAsInput } from "../publication/pending-changes";
import { isPublic } from "../publication/visibility";
import { releaseInputSchema } from "./schema";
import { releaseSnapshotSchema } from "./snapshot";
import { writeReleaseContent } from "./write-content";
import { recordReleaseChange } from "./release-events";
import { STATUS_LABELS, TRANSITIONS, type WorkflowAction } from "./workflow";

const transitionSchema = z.object({
  action: z.enum(["submit", "return_to_draft", "publish", "schedule", "unpublish", "archive"]),
  baseVersion: z.number().int().positive(),
  publishAt: z.coerce.date({ message: "请填写有效的发布时间" }).optional(),
  note: z.string().trim().max(200).optional(),
});

/** Moves a release through the workflow, in one transaction with its revision and audit entry. */
export async function transitionRelease(actor: Actor | null, releaseId: string, raw: unknown) {
  const parsed = transitionSchema.parse(raw);
  const action: WorkflowAction = parsed.action;
  const rule = TRANSITIONS[action];
  const user = requirePermission(actor, rule.permission);
  if (action === "schedule" && (!parsed.publishAt || parsed.publishAt.getTime() <= Date.now())) {
    throw new AppError("validation_failed", "定时发布的时间必须在将来", { fields: [{ path: "publishAt", message: "请选择将来的时间" }] });
  }
  const saved = await db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<Array<{ version: number }>>`SELECT version FROM release WHERE id = ${releaseId}::uuid FOR UPDATE`;
    if (!locked.length) throw new AppError("not_found", "未找到该稿件");
    const before = await tx.release.findUniqueOrThrow({ where: { id: releaseId } });
    if (before.version !== parsed.baseVersion) throw new AppError("conflict", "稿件已被他人修改，请刷新后再操作");
    if (!rule.from.includes(before.status)) {
      throw new AppError("conflict", `“${STATUS_LABELS[before.status]}”状态的稿件不能${rule.label}`);
    }
    // Leaving the live states: the pending changes become the working copy (drafts are edited directly).
    const pendingToWorkingCopy = before.pendingRevisionId !== null && (rule.to === "draft" || rule.to === "archived");
    if (pendingToWorkingCopy) {
      const pending = await tx.revision.findUniqueOrThrow({ where: { id: before.pendingRevisionId! } });
      await writeReleaseContent(tx, releaseId, releaseInputSchema.parse(snapshotAsInput(releaseSnapshotSchema.parse(pending.snapshot))));
    }
    const now = new Date();
    const publishAt = action === "publish" ? now : action === "schedule" ? parsed.publishAt! : before.publishAt;
    const version = before.version + 1;
    const release = await tx.release.update({
      where: { id: releaseId },
      data: {
        status: rule.to,
        version,
        publishAt: action === "unpublish" ? null : publishAt,
        ...(action === "publish" || action === "schedule" ? { publishedAt: before.publishedAt ?? now } : {}),
        ...(action === "publish" && !before.publishedAt ? { contentUpdatedAt: now } : {}),
        ...(pendingToWorkingCopy ? { pendingRevisionId: null, pendingReturnNote: null } : {}),
      },
    });
    const publicChanged = isPublic(before, now) || isPublic(release, now);
    await recordReleaseChange(tx, {
      actor: user,
      releaseId,
      version,
      action,
      note: parsed.note,
      details: { from: before.status, to: rule.to, ...(action === "schedule" ? { publishAt: publishAt?.toISOString() ?? null } : {}) },
      affectsPublic: publicChanged,
    });
    return { release, publicChanged };
  });
  if (saved.publicChanged) announcePublicChange();
  return saved.release;
}
