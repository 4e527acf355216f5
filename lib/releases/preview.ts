import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { db } from "../db";
import { requirePermission, type Actor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../errors";
import { snapshotAsInput } from "./editor-form";
import { publicReleaseInclude, toPublicRelease } from "./public-dto";
import { releaseInputSchema } from "./schema";
import { releaseSnapshotSchema } from "./snapshot";
import { writeReleaseContent } from "./write-content";

const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

class RolledBack<T> extends Error {
  constructor(readonly value: T) {
    super("preview rolled back");
  }
}

/**
 * The release as it will read once its pending changes are published: they are written by the same
 * code that publishes them, read back as the public page reads them, and rolled back, so the
 * preview cannot differ from the result and nothing is stored.
 */
async function previewWithPendingChanges(releaseId: string, pendingRevisionId: string) {
  try {
    await db.$transaction(async (tx) => {
      const pending = await tx.revision.findUniqueOrThrow({ where: { id: pendingRevisionId } });
      const input = releaseInputSchema.parse(snapshotAsInput(releaseSnapshotSchema.parse(pending.snapshot)));
      await writeReleaseContent(tx, releaseId, input);
      const row = await tx.release.findUniqueOrThrow({
        where: { id: releaseId },
        include: publicReleaseInclude,
      });
      throw new RolledBack(toPublicRelease(row));
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.value as ReturnType<typeof toPublicRelease>;
    throw error;
  }
  throw new Error("unreachable");
}

/**
 * A release in any state, shaped exactly as the public page gets it: for staff previews. A live
 * release with pending changes is shown with them, unless `live` asks for what readers see now.
 */
export async function getReleasePreview(
  actor: Actor | null,
  releaseId: string,
  options: { live?: boolean } = {},
) {
  requirePermission(actor, "release.preview");
  const row = await db.release.findUnique({ where: { id: releaseId }, include: publicReleaseInclude });
  if (!row) throw new AppError("not_found", "未找到该稿件");
  const withPending = row.pendingRevisionId !== null && !options.live;
  return {
    release: withPending
      ? await previewWithPendingChanges(row.id, row.pendingRevisionId!)
      : toPublicRelease(row),
    status: row.status,
    hasPendingChanges: row.pendingRevisionId !== null,
    showsPendingChanges: withPending,
  };
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
    const release = await tx.release.findUnique({ where: { id: releaseId }, select: { id: true } });
    if (!release) throw new AppError("not_found", "未找到该稿件");
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
