import "server-only";
import { Prisma } from "../generated/prisma/client";
import { LIVE_STATUSES } from "./visibility";

/** For raw queries over the release table (alias optional); `now` defaults to the database's clock. */
export function publicReleaseSql(alias?: string, now?: Date): Prisma.Sql {
  const column = (name: string) => Prisma.raw(alias ? `"${alias}"."${name}"` : `"${name}"`);
  const at = now ? Prisma.sql`${now}::timestamptz` : Prisma.sql`now()`;
  return Prisma.sql`${column("status")} IN (${Prisma.join([...LIVE_STATUSES])}) AND ${column("publishAt")} <= ${at}`;
}
