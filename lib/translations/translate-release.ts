import "server-only";
import { db, type Tx } from "../db";
import { requirePermission, type Actor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { recordPublicChange } from "../publication/public-change";
import { isLive, isPublic } from "../publication/visibility";
import { createRelease } from "../releases/create-release";
import { translationActionSchema } from "./schema";

const ORIGINAL_ONLY = "只有中文原稿可以添加英文版";

async function loadOriginal(tx: Tx, releaseId: string) {
  // Locked: two editors adding a translation at once are decided one after the other.
  const [row] = await tx.$queryRaw<
    Array<{ id: string }>
  >`SELECT id FROM release WHERE id = ${releaseId}::uuid FOR UPDATE`;
  if (!row) throw new AppError("not_found", "未找到该稿件");
  const original = await tx.release.findUniqueOrThrow({
    where: { id: releaseId },
    select: {
      id: true,
      slug: true,
      locale: true,
      translatedFromId: true,
      translationGroupId: true,
      status: true,
      publishAt: true,
      categoryId: true,
      editionId: true,
      sourceName: true,
      translations: { where: { locale: "en" }, select: { id: true } },
    },
  });
  if (original.locale !== "zh-CN" || original.translatedFromId)
    throw new AppError("bad_request", ORIGINAL_ONLY);
  if (original.translations.length) throw new AppError("conflict", "该稿件已有英文版");
  return original;
}

/** The one unique index (one translation per language of an original) decides a race we lost. */
function translationTaken(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
    throw new AppError("conflict", "该稿件已有英文版");
  throw error;
}

/** Marks a release as the translation of `original` (made or checked now), with its audit entry. */
async function makeTranslation(
  tx: Tx,
  user: Actor,
  input: {
    translationId: string;
    original: { id: string; translationGroupId: string };
    action: "release.translation_create" | "release.translation_link";
    details: Record<string, string>;
  },
) {
  await tx.release
    .update({
      where: { id: input.translationId },
      data: {
        translatedFromId: input.original.id,
        translationGroupId: input.original.translationGroupId,
        translatedAt: new Date(),
      },
    })
    .catch(translationTaken);
  await recordAudit(tx, {
    actor: user,
    action: input.action,
    targetType: "release",
    targetId: input.translationId,
    details: input.details,
    ip: user.ip,
  });
}

/**
 * Creates, links or confirms a release's English translation. A translation has no figures of its
 * own (English pages read its original's), so creating one copies only the metadata; its
 * `translatedAt` is the moment it was made or last checked against the original.
 */
export async function translateRelease(actor: Actor | null, releaseId: string, raw: unknown) {
  const user = requirePermission(actor, "release.edit");
  if (!/^[0-9a-f-]{36}$/i.test(releaseId)) throw new AppError("not_found", "未找到该稿件");
  const input = translationActionSchema.parse(raw);

  if (input.action === "create") {
    requirePermission(actor, "release.create");
    const source = await db.release.findUnique({
      where: { id: releaseId },
      select: { categoryId: true, editionId: true, sourceName: true },
    });
    if (!source) throw new AppError("not_found", "未找到该稿件");
    const created = await createRelease(
      user,
      {
        title: input.title,
        locale: "en",
        categoryId: source.categoryId ?? "",
        editionId: source.editionId ?? "",
        sourceName: source.sourceName ?? "",
      },
      async (tx, translationId) => {
        const original = await loadOriginal(tx, releaseId);
        await makeTranslation(tx, user, {
          translationId,
          original,
          action: "release.translation_create",
          details: { translatedFrom: original.slug },
        });
      },
    );
    return { id: created.id, slug: created.slug };
  }

  return db.$transaction(async (tx) => {
    if (input.action === "link") {
      const original = await loadOriginal(tx, releaseId);
      const target = await tx.release.findUnique({
        where: { slug: input.slug },
        select: { id: true, slug: true, locale: true, translatedFromId: true, status: true, publishAt: true },
      });
      if (!target)
        throw new AppError("validation_failed", "没有这个别名的稿件", {
          fields: [{ path: "slug", message: "没有这个别名的稿件" }],
        });
      const refuse = (message: string) => {
        throw new AppError("validation_failed", message, { fields: [{ path: "slug", message }] });
      };
      if (target.locale !== "en") refuse("只能关联英文稿件");
      if (target.translatedFromId) refuse("该英文稿件已是另一篇稿件的译文");
      if (isLive(target)) {
        // A published or scheduled English page takes the original's figures and language links:
        // what readers see changes, which is a publisher's to decide, and only to an original that
        // is public when the page is (publish-gate.ts holds the same for publishing a translation).
        requirePermission(actor, "release.publish");
        const liveAt = target.publishAt && target.publishAt > new Date() ? target.publishAt : new Date();
        if (!isPublic(original, liveAt)) refuse("已发布或定时发布的英文稿件只能关联届时已发布的中文原稿");
      }
      await makeTranslation(tx, user, {
        translationId: target.id,
        original,
        action: "release.translation_link",
        details: { translatedFrom: original.slug, slug: target.slug },
      });
      // Both pages gain their hreflang alternates and language links.
      if (isPublic(target)) await recordPublicChange(tx);
      return { id: target.id, slug: target.slug };
    }

    const translation = await tx.release.findUnique({
      where: { id: releaseId },
      select: { id: true, slug: true, translatedFromId: true, status: true, publishAt: true },
    });
    if (!translation) throw new AppError("not_found", "未找到该稿件");
    if (!translation.translatedFromId) throw new AppError("bad_request", "该稿件不是译文");
    await tx.release.update({ where: { id: translation.id }, data: { translatedAt: new Date() } });
    await recordAudit(tx, {
      actor: user,
      action: "release.translation_confirm",
      targetType: "release",
      targetId: translation.id,
      ip: user.ip,
    });
    // Readers see the day it was translated.
    if (isPublic(translation)) await recordPublicChange(tx);
    return { id: translation.id, slug: translation.slug };
  });
}
