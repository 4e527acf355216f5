import "server-only";
import { z } from "zod";
import { db } from "../db";
import { requirePermission, type Actor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../errors";
import { editingSnapshot } from "../publication/editing-snapshot";
import { RELEASE_ID } from "./figure-checks";
import { lockRelease } from "./lock-release";

/** The most figures a release may have, and so the most one confirmation can name. */
const MAX_KEYS = 300;

const signOffSchema = z.object({
  keys: z
    .array(z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, "数据标识无效"), { message: "请选择要确认的数据" })
    .min(1, "请至少选择一项数据")
    .max(MAX_KEYS, `一次最多确认 ${MAX_KEYS} 项数据`),
  /** The version the publisher looked at: a confirmation of values that changed since is refused. */
  baseVersion: z.number().int().positive().optional(),
});

/**
 * A publisher confirms figures of a release as they now stand (its pending changes, if any): the
 * confirmed value, unit and qualifier are kept, so a later change needs a new confirmation.
 */
export async function signOffFigures(actor: Actor | null, releaseId: string, raw: unknown) {
  const user = requirePermission(actor, "figure.sign_off");
  const input = signOffSchema.parse(raw);
  if (!RELEASE_ID.test(releaseId)) throw new AppError("not_found", "未找到该稿件");
  return db.$transaction(async (tx) => {
    const release = await lockRelease(tx, releaseId);
    if (input.baseVersion !== undefined && release.version !== input.baseVersion)
      throw new AppError("conflict", "稿件已被他人修改，请刷新后再确认");
    const snapshot = await editingSnapshot(tx, releaseId);
    const keys = [...new Set(input.keys)];
    const figures = keys.map((key) => snapshot.figures.find((f) => f.key === key));
    const missing = keys.filter((_, i) => !figures[i]);
    if (missing.length)
      throw new AppError("validation_failed", `稿件中没有这些数据：${missing.join("、")}`, {
        fields: [{ path: "keys", message: `稿件中没有这些数据：${missing.join("、")}` }],
      });
    const confirmed = figures.map((f) => ({
      key: f!.key,
      value: f!.value,
      unit: f!.unit,
      qualifier: f!.qualifier,
    }));
    for (const f of confirmed)
      await tx.figureSignOff.upsert({
        where: { releaseId_key: { releaseId, key: f.key } },
        create: { releaseId, ...f, userId: user.id },
        update: {
          value: f.value,
          unit: f.unit,
          qualifier: f.qualifier,
          userId: user.id,
          createdAt: new Date(),
        },
      });
    await recordAudit(tx, {
      actor: user,
      action: "release.sign_off_figures",
      targetType: "release",
      targetId: releaseId,
      details: { figures: confirmed },
      ip: user.ip,
    });
    return { confirmed };
  });
}
