import "server-only";
import { db } from "../db";
import { requirePermission, type Actor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../errors";
import { recordPublicChange } from "../publication/public-change";
import { commitChange, hasPublicReleases, idParam } from "./commit-change";
import { editionInputSchema, type EditionInput } from "./schema";

const EDITION_TAKEN = { path: "year", message: "该活动已有这一年的届次" };

function editionData(input: EditionInput) {
  return {
    ...input,
    startDate: new Date(`${input.startDate}T00:00:00Z`),
    endDate: new Date(`${input.endDate}T00:00:00Z`),
  };
}

export async function createEdition(actor: Actor | null, eventId: string, raw: unknown) {
  const by = requirePermission(actor, "edition.manage");
  const input = editionInputSchema.parse(raw);
  return commitChange(EDITION_TAKEN, () =>
    db.$transaction(async (tx) => {
      const event = await tx.event.findUnique({
        where: { id: idParam(eventId, "活动") },
        select: { id: true },
      });
      if (!event) throw new AppError("not_found", "未找到该活动");
      const edition = await tx.edition.create({ data: { ...editionData(input), eventId } });
      await recordAudit(tx, {
        actor: by,
        action: "edition.create",
        targetType: "edition",
        targetId: edition.id,
        details: { eventId, ...input },
        ip: by.ip,
      });
      return { result: edition, publicChanged: false };
    }),
  );
}

export async function updateEdition(actor: Actor | null, editionId: string, raw: unknown) {
  const by = requirePermission(actor, "edition.manage");
  const input = editionInputSchema.parse(raw);
  return commitChange(EDITION_TAKEN, () =>
    db.$transaction(async (tx) => {
      const before = await tx.edition.findUnique({ where: { id: idParam(editionId, "届次") } });
      if (!before) throw new AppError("not_found", "未找到该届次");
      const edition = await tx.edition.update({ where: { id: editionId }, data: editionData(input) });
      await recordAudit(tx, {
        actor: by,
        action: "edition.update",
        targetType: "edition",
        targetId: editionId,
        details: {
          before: {
            year: before.year,
            ordinal: before.ordinal,
            startDate: before.startDate.toISOString().slice(0, 10),
            endDate: before.endDate.toISOString().slice(0, 10),
            city: before.city,
            theme: before.theme,
            signOffRequired: before.signOffRequired,
          },
          after: input,
        },
        ip: by.ip,
      });
      const publicChanged = await hasPublicReleases(tx, { editionId });
      if (publicChanged) await recordPublicChange(tx);
      return { result: edition, publicChanged };
    }),
  );
}
