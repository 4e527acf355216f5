import type { Tx } from "../db";
import { AppError } from "../errors";

/**
 * An edition has at most one results release per language. Checked under a transaction-scoped
 * advisory lock on the edition and language, so two releases marked at the same moment cannot
 * both pass; the message names the release that already is.
 */
export async function assertOnlyResultsRelease(
  tx: Tx,
  input: { releaseId: string; editionId: string; locale: string },
) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`edition-results:${input.editionId}:${input.locale}`}))`;
  const other = await tx.release.findFirst({
    where: {
      editionId: input.editionId,
      locale: input.locale,
      isEditionResults: true,
      id: { not: input.releaseId },
    },
    select: { title: true },
  });
  if (other) {
    const message = `本届已有成果发布稿《${other.title}》：每届每种语言只能有一篇，请先取消那篇的标记`;
    throw new AppError("validation_failed", message, {
      fields: [{ path: "isEditionResults", message }],
    });
  }
}
