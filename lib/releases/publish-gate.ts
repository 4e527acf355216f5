import "server-only";
import type { Tx } from "../db";
import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../errors";
import { formatDateTime } from "../i18n/format-date";
import { isPublic } from "../publication/visibility";
import { checkSnapshot } from "./figure-checks";
import type { ReleaseSnapshot } from "./snapshot";

/**
 * What must hold before content goes live (publish, schedule, publishing pending changes), inside
 * the publishing transaction: every figure a publisher has to confirm is confirmed (editions with
 * sign-off), and a record claim that earlier editions contradict is published only when the
 * publisher says so, which the audit log keeps with the claims.
 */
export async function assertReadyToPublish(
  tx: Tx,
  user: Actor,
  releaseId: string,
  snapshot: ReleaseSnapshot,
  options: { confirmContradictedClaims?: boolean },
) {
  const checks = await checkSnapshot(tx, releaseId, snapshot);
  const unconfirmed = checks.signOff.unconfirmed;
  if (unconfirmed.length)
    throw new AppError(
      "conflict",
      `以下数据尚未经发布人确认，确认后才能发布：${unconfirmed.map((f) => `${f.label}（${f.display}）`).join("、")}`,
      { unconfirmedFigures: unconfirmed },
    );
  const contradicted = checks.claims.filter((c) => c.state === "contradicted");
  if (!contradicted.length) return;
  const listed = contradicted.map((c) => ({
    key: c.key,
    label: c.label,
    claim: c.claim,
    message: c.message,
  }));
  if (!options.confirmContradictedClaims)
    throw new AppError(
      "conflict",
      `以下纪录说法与往届数据不符，请发布人确认后再发布：${listed.map((c) => `“${c.label}”${c.claim}：${c.message}`).join("；")}`,
      { contradictedClaims: listed },
    );
  await recordAudit(tx, {
    actor: user,
    action: "release.confirm_contradicted_claims",
    targetType: "release",
    targetId: releaseId,
    details: { claims: listed },
    ip: user.ip,
  });
}

/**
 * A translation goes live only when its original is public by then: an embargo holds in both
 * languages, and the English page's figures are the original's (lib/releases/english-queries.ts).
 * `liveAt` is the moment the translation would become public (now, or its scheduled time).
 */
export async function assertOriginalPublicBy(tx: Tx, releaseId: string, liveAt: Date) {
  const { translatedFrom: original } = await tx.release.findUniqueOrThrow({
    where: { id: releaseId },
    select: { translatedFrom: { select: { status: true, publishAt: true } } },
  });
  if (!original || isPublic(original, liveAt)) return;
  const reason =
    original.status === "scheduled" && original.publishAt
      ? `中文原稿定于 ${formatDateTime(original.publishAt)} 发布`
      : "中文原稿尚未发布";
  throw new AppError("conflict", `${reason}，英文版不能早于原稿发布`);
}

/**
 * The other side of assertOriginalPublicBy: an original moved later (schedule), taken down or
 * archived must not leave a scheduled translation to go public before it. A translation already
 * public is out; the takedown of the original is not held back for it.
 * `originalPublicAt`: when the original will be public after this change (null: not at all).
 */
export async function assertNoTranslationAhead(tx: Tx, releaseId: string, originalPublicAt: Date | null) {
  const now = new Date();
  const waiting = await tx.release.findMany({
    where: { translatedFromId: releaseId, status: "scheduled", publishAt: { gt: now } },
    select: { publishAt: true },
    orderBy: { publishAt: "asc" },
  });
  const early = waiting.find(
    (t) => originalPublicAt === null || (t.publishAt && t.publishAt < originalPublicAt),
  );
  if (early?.publishAt)
    throw new AppError(
      "conflict",
      `英文版定于 ${formatDateTime(early.publishAt)} 发布，中文原稿不能晚于英文版公开：请先改期或撤回英文版`,
    );
}
