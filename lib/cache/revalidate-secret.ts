import "server-only";
import crypto from "node:crypto";

/** Shared by the watcher and the internal revalidate route: derived, so there is no extra variable to set. */
export function revalidateSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  return crypto.createHmac("sha256", secret).update("pressroom:cache-revalidate").digest("base64url");
}
