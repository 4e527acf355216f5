import "server-only";
import { db } from "../db";
import { requirePermission, type Actor } from "../auth/actor";
import { publicReleaseWhere } from "../publication/visibility";

/** A translation is out of date once its original's figures changed after it was translated or last confirmed. */
export function isTranslationOutdated(
  translatedAt: Date | null,
  originalFiguresChangedAt: Date | null,
): boolean {
  if (!originalFiguresChangedAt) return false;
  return !translatedAt || translatedAt < originalFiguresChangedAt;
}

export const TRANSLATION_LABELS = {
  outdated: "英文版已过期",
  missing: "无英文版",
  current: "有英文版",
  isTranslation: "英文译文",
} as const;

export type TranslationFlag = keyof typeof TRANSLATION_LABELS;

/** The editor's translation panel: the release's English translation, or the original it translates. */
export async function getTranslationPanel(actor: Actor | null, releaseId: string) {
  requirePermission(actor, "release.edit");
  const release = await db.release.findUnique({
    where: { id: releaseId },
    select: {
      locale: true,
      translatedAt: true,
      figuresChangedAt: true,
      translatedFrom: { select: { id: true, slug: true, title: true, figuresChangedAt: true } },
      translations: {
        select: { id: true, slug: true, title: true, locale: true, status: true, translatedAt: true },
      },
    },
  });
  if (!release) return null;
  if (release.translatedFrom)
    return {
      kind: "translation" as const,
      original: {
        id: release.translatedFrom.id,
        slug: release.translatedFrom.slug,
        title: release.translatedFrom.title,
      },
      translatedAt: release.translatedAt?.toISOString() ?? null,
      outdated: isTranslationOutdated(release.translatedAt, release.translatedFrom.figuresChangedAt),
    };
  if (release.locale !== "zh-CN") return { kind: "standalone" as const };
  const english = release.translations.find((t) => t.locale === "en");
  return {
    kind: "original" as const,
    translation: english
      ? {
          id: english.id,
          slug: english.slug,
          title: english.title,
          translatedAt: english.translatedAt?.toISOString() ?? null,
          outdated: isTranslationOutdated(english.translatedAt, release.figuresChangedAt),
        }
      : null,
  };
}

/** The flag of each listed release: a translation out of date (on it and on its original), or a public original without one. */
export async function listTranslationFlags(
  actor: Actor | null,
  releaseIds: string[],
): Promise<Record<string, TranslationFlag>> {
  requirePermission(actor, "release.edit");
  if (!releaseIds.length) return {};
  const rows = await db.release.findMany({
    where: { id: { in: releaseIds } },
    select: {
      id: true,
      locale: true,
      translatedAt: true,
      figuresChangedAt: true,
      translatedFrom: { select: { figuresChangedAt: true } },
      translations: { where: { locale: "en" }, select: { translatedAt: true } },
    },
  });
  const publicIds = new Set(
    (
      await db.release.findMany({
        where: { id: { in: releaseIds }, ...publicReleaseWhere() },
        select: { id: true },
      })
    ).map((r) => r.id),
  );
  const flags: Record<string, TranslationFlag> = {};
  for (const r of rows) {
    if (r.translatedFrom)
      flags[r.id] = isTranslationOutdated(r.translatedAt, r.translatedFrom.figuresChangedAt)
        ? "outdated"
        : "isTranslation";
    else if (r.locale === "zh-CN" && r.translations.length)
      flags[r.id] = isTranslationOutdated(r.translations[0].translatedAt, r.figuresChangedAt)
        ? "outdated"
        : "current";
    else if (r.locale === "zh-CN" && publicIds.has(r.id)) flags[r.id] = "missing";
  }
  return flags;
}

/** Translations whose original's figures changed since they were translated: the dashboard's to-do list. */
export async function listOutdatedTranslations(actor: Actor | null, take = 20) {
  requirePermission(actor, "release.edit");
  return db.$queryRaw<Array<{ id: string; title: string; originalTitle: string; figuresChangedAt: Date }>>`
    SELECT t.id, t.title, o.title AS "originalTitle", o."figuresChangedAt"
    FROM release t JOIN release o ON o.id = t."translatedFromId"
    WHERE o."figuresChangedAt" IS NOT NULL
      AND (t."translatedAt" IS NULL OR t."translatedAt" < o."figuresChangedAt")
    ORDER BY o."figuresChangedAt" DESC
    LIMIT ${take}`;
}
