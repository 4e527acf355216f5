import "server-only";
import { db } from "../db";
import { requirePermission, type Actor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../errors";
import { recordPublicChange } from "../publication/public-change";
import { commitChange, hasPublicReleases, idParam } from "./commit-change";
import { eventInputSchema } from "./schema";

const SLUG_TAKEN = { path: "slug", message: "该别名已被其他活动使用" };

export async function createEvent(actor: Actor | null, raw: unknown) {
  const by = requirePermission(actor, "edition.manage");
  const input = eventInputSchema.parse(raw);
  return commitChange(SLUG_TAKEN, () =>
    db.$transaction(async (tx) => {
      const event = await tx.event.create({ data: input });
      await recordAudit(tx, {
        actor: by,
        action: "event.create",
        targetType: "event",
        targetId: event.id,
        details: input,
        ip: by.ip,
      });
      return { result: event, publicChanged: false };
    }),
  );
}

export async function updateEvent(actor: Actor | null, eventId: string, raw: unknown) {
  const by = requirePermission(actor, "edition.manage");
  const input = eventInputSchema.parse(raw);
  return commitChange(SLUG_TAKEN, () =>
    db.$transaction(async (tx) => {
      const before = await tx.event.findUnique({ where: { id: idParam(eventId, "活动") } });
      if (!before) throw new AppError("not_found", "未找到该活动");
      const event = await tx.event.update({ where: { id: eventId }, data: input });
      await recordAudit(tx, {
        actor: by,
        action: "event.update",
        targetType: "event",
        targetId: eventId,
        details: { before: { slug: before.slug, name: before.name, nameEn: before.nameEn }, after: input },
        ip: by.ip,
      });
      const publicChanged = await hasPublicReleases(tx, { edition: { eventId } });
      if (publicChanged) await recordPublicChange(tx);
      return { result: event, publicChanged };
    }),
  );
}
