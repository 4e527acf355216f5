import "server-only";
import { z } from "zod";
import { db } from "../db";
import { requirePermission, type Actor } from "../auth/actor";
import { AppError } from "../errors";
import { releaseFormSchema } from "./editor-form-schema";

const autosaveSchema = z.object({
  baseVersion: z.number().int().positive(),
  // Unvalidated on purpose: half-typed work is kept as it is, and validated when really saved.
  data: z.record(z.string(), z.unknown()),
});

const MAX_AUTOSAVE_BYTES = 1_000_000;

/** Keeps an editor's unsaved typing on the server, per editor and release, until the next real save. */
export async function autosaveRelease(actor: Actor | null, releaseId: string, raw: unknown) {
  const user = requirePermission(actor, "release.edit");
  const input = autosaveSchema.parse(raw);
  if (JSON.stringify(input.data).length > MAX_AUTOSAVE_BYTES)
    throw new AppError("payload_too_large", "内容过大，无法自动保存");
  const exists = await db.release.findUnique({ where: { id: releaseId }, select: { id: true } });
  if (!exists) throw new AppError("not_found", "未找到该稿件");
  const saved = await db.autosave.upsert({
    where: { releaseId_userId: { releaseId, userId: user.id } },
    update: { baseVersion: input.baseVersion, data: input.data as object, savedAt: new Date() },
    create: { releaseId, userId: user.id, baseVersion: input.baseVersion, data: input.data as object },
  });
  return { savedAt: saved.savedAt.toISOString() };
}

const discardSchema = z.object({
  /** The work discarded (the form, and the restored offer it came from): at most two copies. */
  work: z.array(z.record(z.string(), z.unknown())).min(1).max(2),
});

// Keys in a fixed order, and an older editor's copy in today's shape (releaseFormSchema fills what
// it lacked): the page offers the copy that way, and sends it back that way when it is refused.
const comparable = (value: unknown): string => {
  const parsed = releaseFormSchema.safeParse(value);
  const sorted = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sorted)
      : typeof v === "object" && v !== null
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
          )
        : v;
  return JSON.stringify(sorted(parsed.success ? parsed.data : value));
};

/**
 * Drops the editor's own unsaved copy of a release on the server once they discarded or ignored
 * that very work: only when the copy holds it, so a copy of other work (another device's, never
 * shown) stays, and only that copy (named by its time, so one saved meanwhile stays too).
 * Another editor's copy is theirs. Returns whether a copy was dropped.
 */
export async function discardAutosave(actor: Actor | null, releaseId: string, raw: unknown) {
  const user = requirePermission(actor, "release.edit");
  const { work } = discardSchema.parse(raw);
  const copy = await db.autosave.findUnique({ where: { releaseId_userId: { releaseId, userId: user.id } } });
  const discarded = work.map(comparable);
  if (!copy || !discarded.includes(comparable(copy.data))) return { discarded: false };
  const { count } = await db.autosave.deleteMany({
    where: { releaseId, userId: user.id, savedAt: copy.savedAt },
  });
  return { discarded: count > 0 };
}
