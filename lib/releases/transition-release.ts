import "server-only";
import { z } from "zod";
import { db } from "../db";
import { requirePermission, type Actor } from "../auth/actor";
import { AppError } from "../errors";
import { announcePublicChange } from "../publication/public-change";
import { writeLiveContent } from "../publication/live-content";
import { findSlugOwner } from "../publication/slugs";
import { isPublic, wasPublic } from "../publication/visibility";
import { snapshotAsInput } from "./editor-form";
import { lockReleaseAtVersion } from "./lock-release";
import { releaseInputSchema } from "./schema";
import { assertNoTranslationAhead, assertOriginalPublicBy, assertReadyToPublish } from "./publish-gate";
import { releaseSnapshotSchema, snapshotRelease } from "./snapshot";
import { recordReleaseChange } from "./release-events";
import { STATUS_LABELS, TRANSITIONS, type WorkflowAction } from "./workflow";

const transitionSchema = z.object({
  action: z.enum(["submit", "return_to_draft", "publish", "schedule", "unpublish", "archive"]),
  baseVersion: z.number().int().positive(),
  publishAt: z.coerce.date({ message: "请填写有效的发布时间" }).optional(),
  note: z.string().trim().max(200).optional(),
  /** The publisher has seen the record claims earlier editions contradict, and publishes them anyway. */
  confirmContradictedClaims: z.boolean().optional(),
  /**
   * Publish only: "stated" backdates a first publish to the release's 原文发布时间, "now" (the
   * default, as before the field existed) publishes at the present moment.
   */
  publishAtSource: z
    .enum(["stated", "now"], { message: "发布时间只能按原文时间（stated）或当前时间（now）" })
    .optional(),
});

type PublishAtSource = "stated" | "now";

const sourceIssue = (message: string) =>
  new AppError("validation_failed", message, { fields: [{ path: "publishAtSource", message }] });

/**
 * The publishAt of a publish: now, or the stated moment for a release readers have never seen.
 * A live or once-public release keeps today's rule (its first public moment is never rewritten).
 */
function publishMoment(
  before: { publishedAt: Date | null; statedPublishAt: Date | null },
  source: PublishAtSource,
  now: Date,
): Date {
  if (source === "now") return now;
  if (wasPublic(before, now))
    throw sourceIssue("这篇稿件曾经公开过，重新发布不能改回原文时间，请选择“以当前时间发布”");
  if (!before.statedPublishAt)
    throw sourceIssue("这篇稿件没有原文发布时间，请先在稿件信息中填写，或选择“以当前时间发布”");
  if (before.statedPublishAt.getTime() > now.getTime())
    throw sourceIssue("原文发布时间晚于现在，不能按它发布：请改正原文发布时间，或使用定时发布");
  return before.statedPublishAt;
}

/**
 * publishedAt and the public "updated" time of a release readers have not seen yet: its first
 * public moment is its publishAt (now, the stated moment of a backdated publish, or when a schedule
 * comes due); leaving the live states before then clears it. Once readers have seen it, both stay.
 * A publish is "updated" now even when backdated: feeds answer If-Modified-Since and sitemaps give
 * their lastmod from that time, so a stated moment there would hide the new release from them.
 */
function firstPublicMoment(
  before: { publishedAt: Date | null },
  action: WorkflowAction,
  publishAt: Date | null,
  now: Date,
) {
  if (wasPublic(before, now)) return {};
  if ((action === "publish" || action === "schedule") && publishAt)
    return { publishedAt: publishAt, contentUpdatedAt: action === "publish" ? now : publishAt };
  if (action === "unpublish" || action === "archive") return { publishedAt: null };
  return {};
}

/** Moves a release through the workflow, in one transaction with its revision and audit entry. */
export async function transitionRelease(actor: Actor | null, releaseId: string, raw: unknown) {
  const parsed = transitionSchema.parse(raw);
  const action: WorkflowAction = parsed.action;
  const rule = TRANSITIONS[action];
  const user = requirePermission(actor, rule.permission);
  if (action === "schedule" && (!parsed.publishAt || parsed.publishAt.getTime() <= Date.now())) {
    throw new AppError("validation_failed", "定时发布的时间必须在将来", {
      fields: [{ path: "publishAt", message: "请选择将来的时间" }],
    });
  }
  const publishAtSource: PublishAtSource = parsed.publishAtSource ?? "now";
  const saved = await db.$transaction(async (tx) => {
    const before = await lockReleaseAtVersion(tx, releaseId, parsed.baseVersion);
    if (!rule.from.includes(before.status)) {
      throw new AppError("conflict", `“${STATUS_LABELS[before.status]}”状态的稿件不能${rule.label}`);
    }
    // A publish takes its moment from the server's rules only: a client-chosen instant would let
    // anyone who may publish backdate (or post-date) a release at will.
    if (action === "publish" && parsed.publishAt)
      throw new AppError("validation_failed", "立即发布不能指定时间：请选择按原文时间或以当前时间发布", {
        fields: [{ path: "publishAt", message: "立即发布不接受指定时间" }],
      });
    if (parsed.publishAtSource && action !== "publish")
      throw sourceIssue("只有“立即发布”可以选择按原文时间或当前时间");
    // Leaving the live states. Unpublished, the pending changes become the working copy (drafts are
    // edited directly), under the slug rules of any live write; a slug taken since falls back to the
    // current one, so a takedown never fails on it. Archived, the live version stays what is kept and
    // the pending changes remain in the history only.
    const pendingLeaves =
      before.pendingRevisionId !== null && (rule.to === "draft" || rule.to === "archived");
    if (pendingLeaves && rule.to === "draft") {
      const pending = await tx.revision.findUniqueOrThrow({ where: { id: before.pendingRevisionId! } });
      const input = releaseInputSchema.parse(snapshotAsInput(releaseSnapshotSchema.parse(pending.snapshot)));
      const owner = input.slug === before.slug ? null : await findSlugOwner(tx, input.slug);
      const slug = owner && owner.releaseId !== releaseId ? before.slug : input.slug;
      await writeLiveContent(tx, user, before, { ...input, slug }, { minor: true, kind: "update", note: "" });
    }
    if (action === "publish" || action === "schedule")
      await assertReadyToPublish(tx, user, releaseId, await snapshotRelease(tx, releaseId), parsed);
    const now = new Date();
    const publishAt =
      action === "publish"
        ? publishMoment(before, publishAtSource, now)
        : action === "schedule"
          ? parsed.publishAt!
          : before.publishAt;
    // Readers see a backdated publish now, a scheduled one at its time.
    if (action === "publish" || action === "schedule")
      await assertOriginalPublicBy(tx, releaseId, publishAt! > now ? publishAt! : now);
    // An original may not fall behind a translation scheduled to go public.
    if (action === "schedule" || rule.to === "draft" || rule.to === "archived")
      await assertNoTranslationAhead(tx, releaseId, action === "schedule" ? publishAt : null);
    const version = before.version + 1;
    const release = await tx.release.update({
      where: { id: releaseId },
      data: {
        status: rule.to,
        version,
        publishAt: action === "unpublish" ? null : publishAt,
        ...firstPublicMoment(before, action, publishAt, now),
        ...(pendingLeaves ? { pendingRevisionId: null, pendingReturnNote: null } : {}),
      },
    });
    const publicChanged = isPublic(before, now) || isPublic(release, now);
    await recordReleaseChange(tx, {
      actor: user,
      releaseId,
      version,
      action,
      note: parsed.note,
      details: {
        from: before.status,
        to: rule.to,
        ...(action === "schedule" ? { publishAt: publishAt?.toISOString() ?? null } : {}),
        ...(action === "publish" ? { publishAtSource, publishAt: publishAt?.toISOString() ?? null } : {}),
      },
      affectsPublic: publicChanged,
    });
    return { release, publicChanged };
  });
  if (saved.publicChanged) announcePublicChange();
  return saved.release;
}
