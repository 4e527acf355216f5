import "server-only";
import { z } from "zod";
import { db } from "../db";
import { requirePermission, type Actor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../errors";
import { slugSchema } from "../releases/slug";
import { announcePublicChange, recordPublicChange } from "./public-change";

const releaseSlugSchema = z.object({ slug: slugSchema });

/**
 * A publisher gives up an old address of a published release: it stops redirecting (readers of
 * old links get 404) and another release may take it. The only way a retired slug becomes free.
 */
export async function releaseRetiredSlug(actor: Actor | null, raw: unknown) {
  const user = requirePermission(actor, "slug.release");
  const { slug } = releaseSlugSchema.parse(raw);
  await db.$transaction(async (tx) => {
    const redirect = await tx.slugRedirect.findUnique({ where: { slug } });
    if (!redirect) throw new AppError("not_found", `“${slug}”不是任何稿件的旧地址`);
    await tx.slugRedirect.delete({ where: { slug } });
    await recordAudit(tx, {
      actor: user,
      action: "slug.release",
      targetType: "release",
      targetId: redirect.releaseId,
      details: { slug },
      ip: user.ip,
    });
    await recordPublicChange(tx);
  });
  announcePublicChange();
  return { slug };
}
