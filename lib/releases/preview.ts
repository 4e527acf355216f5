import crypto from "node:crypto";
import { z } from "zod";
import { db } from "../db";
import { requirePermission, type Actor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../errors";
import { publicReleaseInclude, toPublicRelease } from "./public-dto";

const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

/** A release in any state, shaped exactly as the public page gets it: for staff previews. */
export async function getReleasePreview(actor: Actor | null, releaseId: string) {
  requirePermission(actor, "release.preview");
  const row = await db.release.findUnique({ where: { id: releaseId }, include: publicReleaseInclude });
  if (!row) throw new AppError("not_found", "未找到该稿件");
  return { release: toPublicRelease(row), status: row.status };
}

const linkSchema = z.object({
  hours: z.coerce
    .number()
    .int()
    .min(1, "至少 1 小时")
    .max(24 * 14, "最长 14 天")
    .default(48),
});

/** A link for a reviewer without an account; only its hash is stored, so the database cannot leak it. */
export async function createPreviewLink(actor: Actor | null, releaseId: string, raw: unknown) {
  const user = requirePermission(actor, "preview.link");
  const { hours } = linkSchema.parse(raw);
  const token = crypto.randomBytes(24).toString("base64url");
  const expiresAt = new Date(Date.now() + hours * 3600_000);
  const link = await db.$transaction(async (tx) => {
    const created = await tx.previewLink.create({
      data: { releaseId, tokenHash: hashToken(token), expiresAt, createdById: user.id },
    });
    await recordAudit(tx, {
      actor: user,
      action: "preview_link.create",
      targetType: "release",
      targetId: releaseId,
      details: { expiresAt: expiresAt.toISOString() },
      ip: user.ip,
    });
    return created;
  });
  return { id: link.id, token, expiresAt };
}

export async function revokePreviewLink(actor: Actor | null, linkId: string) {
  const user = requirePermission(actor, "preview.link");
  await db.$transaction(async (tx) => {
    const link = await tx.previewLink.update({ where: { id: linkId }, data: { revokedAt: new Date() } });
    await recordAudit(tx, {
      actor: user,
      action: "preview_link.revoke",
      targetType: "release",
      targetId: link.releaseId,
      ip: user.ip,
    });
  });
}

export async function listPreviewLinks(actor: Actor | null, releaseId: string) {
  requirePermission(actor, "release.preview");
  return db.previewLink.findMany({
    where: { releaseId },
    orderBy: { createdAt: "desc" },
    select: { id: true, expiresAt: true, revokedAt: true, createdAt: true },
  });
}

/** The release behind a preview token, while the link is neither expired nor revoked. */
export async function resolvePreviewLink(token: string) {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const link = await db.previewLink.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!link || link.revokedAt || link.expiresAt <= new Date()) return null;
  const row = await db.release.findUnique({ where: { id: link.releaseId }, include: publicReleaseInclude });
  return row ? { release: toPublicRelease(row), expiresAt: link.expiresAt } : null;
}
