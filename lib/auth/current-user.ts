import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { db } from "../db";
import type { Actor } from "./actor";
import { readSessionClaims } from "./session-token";

/**
 * The signed-in staff member, or null. The session version is checked against the database on
 * every request, so sign-out, a password or role change or deactivation ends sessions at once.
 * The cookie is read here rather than through getServerSession, whose jwt callback
 * (lib/auth/options.ts) would look the user up a second time for the same answer.
 */
export const getCurrentUser = cache(async (): Promise<Actor | null> => {
  const claims = await readSessionClaims((await headers()).get("cookie"));
  if (!claims) return null;
  const user = await db.user.findUnique({
    where: { id: claims.uid },
    select: { id: true, email: true, name: true, role: true, active: true, sessionVersion: true },
  });
  if (!user || !user.active || user.sessionVersion !== claims.sv) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});
